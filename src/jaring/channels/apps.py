from django.apps import AppConfig


class ChannelsConfig(AppConfig):
    name = "jaring.channels"
    label = "channels"
    verbose_name = "WhatsApp"

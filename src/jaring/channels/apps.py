from django.apps import AppConfig


class ChannelsConfig(AppConfig):
    name = "jaring.channels"
    label = "channels"
    verbose_name = "WhatsApp"

    def ready(self) -> None:
        from jaring.channels import processing, receivers, services, tasks, urgent
        from jaring.reports import events

        # The task module only queues; what each task runs is wired here, so that the modules that queue
        # (services, processing) and the ones that run (the same two) do not import each other through it.
        tasks.handle(inbound=processing.inbound_process, outbound=services.outbound_deliver)
        events.report_replied.connect(services.relay_report_reply, dispatch_uid="channels.report_replied")
        events.report_replied.connect(
            receivers.notify_reporter_of_answer, dispatch_uid="channels.notify_reporter_of_answer"
        )
        events.report_marked_urgent.connect(
            urgent.queue_urgent_whatsapp, dispatch_uid="channels.report_marked_urgent"
        )

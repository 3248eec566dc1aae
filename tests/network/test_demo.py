from jaring.network import demo
from jaring.network.models import Cluster, LinkedRecord, Occurrence


def test_demo_builds_a_network_and_running_it_twice_changes_nothing(office, settings):
    from jaring.reports import demo as reports_demo

    reports_demo.seed(office=office)
    demo.seed(office=office)
    counts = (LinkedRecord.objects.count(), Occurrence.objects.count(), Cluster.objects.count())
    demo.seed(office=office)
    assert (LinkedRecord.objects.count(), Occurrence.objects.count(), Cluster.objects.count()) == counts
    biggest = Cluster.objects.filter(root__isnull=True).order_by("-record_count").first()
    assert biggest.record_count >= 3  # the Lapor demo recruiter and the two network demo reports

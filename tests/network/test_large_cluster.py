"""A cluster of 100,000 records still renders its page: summarised, the graph capped, the timeline paged."""

import time

PAGE_BUDGET_SECONDS = 30  # a worker's request timeout; the page takes far less on an idle machine


def test_cluster_of_100000_records_renders_summarised_and_paged(huge_cluster, petugas_client):
    started = time.monotonic()
    response = petugas_client.get(f"/petugas/jaringan/{huge_cluster.pk}/")
    elapsed = time.monotonic() - started
    body = response.content.decode()
    assert response.status_code == 200
    assert "100000" in body and "bca:9990001112" in body
    assert "Halaman 1 dari 2000" in body  # 50 records a page
    assert body.count('href="/petugas/laporan/JB') == 50
    assert len(body) < 200_000  # the graph is capped, not 100,000 nodes
    assert elapsed < PAGE_BUDGET_SECONDS, f"{elapsed:.1f} s"
    last = petugas_client.get(f"/petugas/jaringan/{huge_cluster.pk}/?page=2000")
    assert last.status_code == 200 and "Halaman 2000 dari 2000" in last.content.decode()
    listing = petugas_client.get("/petugas/jaringan/")
    assert huge_cluster.code in listing.content.decode()

"""The batch linker's workers run without the cyclic garbage collector (network.batch): parsing a phone must
leave no reference cycle behind, or every chunk's frames and data stay in memory (about 1 GB a worker at 10M
records before lib.phones cleared phonenumbers' frames)."""

import gc

from jaring.lib import phones


def test_a_number_phonenumbers_refuses_leaves_no_garbage_cycle():
    raw = "+999 1234 5678"  # an unknown country code: phonenumbers re-raises from inside its except block
    phones.normalise_phone.cache_clear()
    gc.collect()
    collecting = gc.isenabled()
    gc.disable()
    try:
        assert phones.normalise_phone(raw) is None
        assert phones.is_mobile(raw) is False
        assert gc.collect() == 0  # unreachable objects found: a cycle was left
    finally:
        if collecting:
            gc.enable()

"""DESIGN.md section 7: PySide6 6.12.0's ``QObject.property()`` returns None for an unset
property without taking a reference, so every call lowers None's reference count until Python
3.11 dies with "none_dealloc". pyqtgraph's ``PlotDataItem.setData`` makes that call on every
update. This test fails if an installed PySide6 has the bug (on Python >= 3.12 None is immortal,
so the count never moves and the test passes trivially)."""

import sys

from PySide6.QtCore import QObject

CALLS = 10_000


def test_qobject_property_keeps_the_reference_count_of_none(qapp):
    obj = QObject()
    for _ in range(100):                       # warm up caches before measuring
        obj.property("nonexistent")
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        assert obj.property("nonexistent") is None
    after = sys.getrefcount(None)
    # a leak would lower the count by CALLS; allow a little noise from the interpreter
    assert after >= before - 100, (
        f"None lost {before - after} references over {CALLS} QObject.property() calls: "
        "this PySide6 has the 6.12.0 bug (DESIGN.md section 7); pin PySide6 below 6.12")


def test_fresh_qobjects_too(qapp):
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        QObject().property("nonexistent")
    assert sys.getrefcount(None) >= before - 100

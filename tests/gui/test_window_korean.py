"""The window's own text in Korean: with the shipped translation installed, the menus, docks,
results table, playback toolbar, presets and session title of a new window are Korean; every
shipped preset's title and description is marked for translation."""

import json

import pytest
from PySide6.QtCore import Qt

from beale_gui.gui import i18n
from beale_gui.gui.controllers.preset_texts import PRESET_TEXTS
from beale_gui.gui.views import canvas_items
from beale_gui.gui.views.results_table import COLUMNS
from beale_gui.resources import preset_paths

from .helpers import new_window, settings_in


def test_every_preset_text_is_marked():
    for path in preset_paths():
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["title"] in PRESET_TEXTS, path.name
        assert data["description"] in PRESET_TEXTS, path.name


@pytest.fixture
def korean(qapp):
    """The Korean interface for one test; English again after it, as the other tests expect."""
    assert i18n.install("ko") == "ko"
    yield
    i18n.install("en")


def test_new_window_in_korean(korean, tmp_path):
    w = new_window(settings_in(tmp_path))
    menus = [a.text() for a in w.menuBar().actions()]
    assert menus == ["파일(&F)", "편집(&E)", "보기(&V)", "함수(&U)", "재생(&P)", "도구(&T)",
                     "도움말(&H)"]
    assert w.undo.action_undo.text() == "실행 취소(&U)"
    assert w.results_dock.windowTitle() == "결과"
    assert w.basins.dock.windowTitle() == "수렴 영역 지도"
    model = w.results.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]
    assert headers[:3] == ["최적화기", "시작점", "상태"]
    assert headers[3:6] == ["x", "y", "f"]        # mathematics stays as it is
    assert w.playback.step_label.text() == "단계 0 / 0"
    assert w.loss_plot.plot_item.getAxis("bottom").labelText == "단계"
    assert "64픽셀" in canvas_items.arrow_tooltip()      # the numbers go into the template
    assert w.playback.action_play.text() == "재생"
    assert w.sessions.menu_presets.actions()[0].text() == "Beale 함수에서 단계별로 보는 경사 하강법"
    assert w.windowTitle().startswith("제목 없음[*]")
    assert w.sessions.name == "Untitled"          # kept in English in the settings
    # (last: a change may be computed at once, and the playback then shows its steps)
    w.document.set_settings(seed=3)
    assert w.undo.action_undo.text() == "시드 변경 실행 취소(&U)"

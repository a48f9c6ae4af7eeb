"""The built-in guide (Help > Guide): a non-modal dialog with a contents list beside the text.

The text is :mod:`.guide_text`'s, one section per optimizer, per mark of the window and per
preset; :meth:`GuideDialog.open_at` shows the section with a given anchor (the Explain panel
opens an optimizer's section this way).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .guide_text import Section, guide_sections

translate = QCoreApplication.translate

ANCHOR_ROLE = Qt.ItemDataRole.UserRole
# The body's fonts named in turn: a Latin font with the mathematical signs first (√, −, ∇ and
# combining hats as in m̂ came out of the CJK font, misplaced, when Korean text was around
# them), then Korean ones; the system's sans-serif last.
STYLE = """
body { font-family: 'DejaVu Sans', 'Noto Sans', 'Segoe UI', 'Noto Sans CJK KR',
       'Malgun Gothic', 'Apple SD Gothic Neo', sans-serif; }
h2 { margin-top: 18px; }
h3 { margin-top: 14px; }
.formula { font-family: 'DejaVu Serif', 'Noto Serif', 'Liberation Serif', serif;
           font-size: large; margin-left: 24px; }
"""


def section_html(section: Section) -> str:
    """A section as HTML: a heading with its anchor, then its paragraphs."""
    parts = [f"<h3><a name='{section.anchor}'></a>{escape(section.title)}</h3>"]
    for paragraph in section.paragraphs:
        if paragraph.startswith("= "):
            parts.append(f"<p class='formula'>{escape(paragraph[2:])}</p>")
        else:
            parts.append(f"<p>{escape(paragraph)}</p>")
    return "".join(parts)


class GuideDialog(QDialog):
    """The guide: contents on the left, the text on the right; non-modal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Guide", "Guide"))
        self.setModal(False)
        self.contents = QListWidget()
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.document().setDefaultStyleSheet(STYLE)
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.text.setFont(font)
        self.anchors: list[str] = []
        html = []
        bold = QFont(self.contents.font())
        bold.setBold(True)
        # sections indented by a blank icon, not by spaces: a space takes the font of the
        # text after it, and Korean fonts' spaces are narrower, so titles would not line up
        indent = QSize(self.contents.fontMetrics().horizontalAdvance("  "), 1)
        self.contents.setIconSize(indent)
        self.contents.setUniformItemSizes(True)   # Hangul and Latin lines alike
        blank = QPixmap(indent)
        blank.fill(Qt.GlobalColor.transparent)
        for heading, sections in guide_sections():
            part = QListWidgetItem(heading)
            part.setFont(bold)
            part.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.contents.addItem(part)
            html.append(f"<h2>{escape(heading)}</h2>")
            for section in sections:
                item = QListWidgetItem(QIcon(blank), section.title)
                item.setData(ANCHOR_ROLE, section.anchor)
                self.contents.addItem(item)
                self.anchors.append(section.anchor)
                html.append(section_html(section))
        self.text.setHtml("".join(html))
        self.contents.currentItemChanged.connect(self._on_contents)

        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([290, 610])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(900, 640)

    def open_at(self, anchor: str | None = None) -> None:
        """Show the guide, raised, at the section with ``anchor`` (the top when None or
        unknown)."""
        if self.isVisible():
            self.raise_()   # open behind the window: bring it forward
        else:
            self.show()
        self.activateWindow()
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            if anchor is not None and item.data(ANCHOR_ROLE) == anchor:
                self.contents.setCurrentItem(item)
                self.text.scrollToAnchor(anchor)   # again, if it was current already
                return
        if anchor is None:
            self.text.verticalScrollBar().setValue(0)

    def current_anchor(self) -> str | None:
        """The anchor of the section chosen in the contents (None: none chosen)."""
        item = self.contents.currentItem()
        return None if item is None else item.data(ANCHOR_ROLE)

    def _on_contents(self, item: QListWidgetItem | None, _previous=None) -> None:
        anchor = None if item is None else item.data(ANCHOR_ROLE)
        if anchor:
            self.text.scrollToAnchor(anchor)

"""Keep the Korean translation of the window in step with the code.

Each Python module of ``beale_gui`` that marks text for translation (``translate("Ctx", "...")``,
``QCoreApplication.translate``, ``QT_TRANSLATE_NOOP``) has its own Qt Linguist file,
``beale_gui/resources/i18n/ko/<module.path>.ts`` (one per module: no two people edit the same
file). The app loads one compiled file, ``beale_gui/resources/i18n/beale_gui_ko.qm``, built from
all of them by ``pyside6-lrelease``.

    python tools/translations.py update     # pyside6-lupdate per module (keeps translations)
    python tools/translations.py todo       # unfinished messages as JSON, on stdout
    python tools/translations.py apply F    # write the translations in JSON file F
    python tools/translations.py release    # build beale_gui_ko.qm
    python tools/translations.py check      # exit 1 listing what is unfinished or stale

The JSON of ``todo`` and ``apply``: ``{"<ts file name>": {"<context>": {"<source>": "<Korean>"}}}``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "beale_gui"
TS_DIR = PACKAGE / "resources" / "i18n" / "ko"
QM = PACKAGE / "resources" / "i18n" / "beale_gui_ko.qm"
LANGUAGE = "ko_KR"
# a call lupdate extracts (it takes any ``x.translate("ctx", "text")``); not str.translate(table)
MARKED = re.compile(r"""\btranslate\(\s*["']|QT_TRANSLATE_NOOP\(""")


def marked_modules() -> list[Path]:
    """The package's modules that mark text for translation."""
    return sorted(p for p in PACKAGE.rglob("*.py")
                  if p.name != "i18n.py" and MARKED.search(p.read_text(encoding="utf-8")))


def ts_of(module: Path) -> Path:
    dotted = ".".join(module.relative_to(PACKAGE).with_suffix("").parts)
    return TS_DIR / f"{dotted}.ts"


def module_of(ts: Path) -> Path:
    return PACKAGE.joinpath(*ts.stem.split(".")).with_suffix(".py")


def _tool(name: str) -> str:
    """PySide6's ``pyside6-<name>`` script: beside this Python (a virtual environment that is
    not activated), else on the PATH."""
    script = f"pyside6-{name}"
    beside = Path(sys.executable).parent / script
    return str(beside) if beside.exists() else (shutil.which(script) or script)


def lupdate(module: Path, ts: Path) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([_tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete",
                    "-target-language", LANGUAGE, str(module), "-ts", str(ts)],
                   check=True, cwd=ROOT)


def update() -> None:
    modules = marked_modules()
    wanted = {ts_of(m) for m in modules}
    for module in modules:
        lupdate(module, ts_of(module))
    for ts in TS_DIR.glob("*.ts"):
        if ts not in wanted:            # the module no longer marks anything (or is gone)
            ts.unlink()
            print(f"removed {ts.relative_to(ROOT)}")


def messages(ts: Path):
    """(context, message element) of every message in ``ts``."""
    tree = ET.parse(ts)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield tree, name, message


def unfinished(ts: Path) -> list[tuple[str, str]]:
    out = []
    for _, context, message in messages(ts):
        translation = message.find("translation")
        if (translation is None or translation.get("type") in ("unfinished", "vanished")
                or not (translation.text or "").strip()):
            out.append((context, message.findtext("source") or ""))
    return out


def todo() -> dict:
    result: dict = {}
    for ts in sorted(TS_DIR.glob("*.ts")):
        for context, source in unfinished(ts):
            result.setdefault(ts.name, {}).setdefault(context, {})[source] = ""
    return result


def apply(path: Path) -> None:
    done = json.loads(path.read_text(encoding="utf-8"))
    for ts_name, contexts in done.items():
        ts = TS_DIR / ts_name
        tree = ET.parse(ts)
        changed = 0
        for context in tree.getroot().iter("context"):
            wanted = contexts.get(context.findtext("name") or "", {})
            for message in context.iter("message"):
                text = wanted.get(message.findtext("source") or "")
                if not text:
                    continue
                translation = message.find("translation")
                translation.text = text
                translation.attrib.pop("type", None)
                changed += 1
        with ts.open("wb") as f:
            f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
            tree.write(f, encoding="utf-8", xml_declaration=False)
        lupdate(module_of(ts), ts)      # lupdate's own layout, so diffs stay small
        print(f"{ts_name}: {changed} translated")


def release(out: Path = QM) -> None:
    files = sorted(TS_DIR.glob("*.ts"))
    out.parent.mkdir(parents=True, exist_ok=True)
    # the same message in several modules (a shared help text) is kept once; check() makes
    # sure every copy has the same translation
    done = subprocess.run([_tool("lrelease"), "-silent", *map(str, files), "-qm", str(out)],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"lrelease failed:\n{done.stdout}{done.stderr}")


def check() -> int:
    """What is unfinished, and whether the .ts files and the .qm match the code."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for module in marked_modules():
            ts = ts_of(module)
            if not ts.exists():
                problems.append(f"{module.relative_to(ROOT)}: no {ts.relative_to(ROOT)}")
                continue
            fresh = Path(tmp) / ts.name
            lupdate(module, fresh)
            have = {(c, m.findtext("source")) for _, c, m in messages(ts)}
            need = {(c, m.findtext("source")) for _, c, m in messages(fresh)}
            for context, source in sorted(need - have):
                problems.append(f"{ts.name}: not in the .ts yet: [{context}] {source!r}")
        translated: dict[tuple[str, str], dict[str, str]] = {}
        for ts in sorted(TS_DIR.glob("*.ts")):
            for context, source in unfinished(ts):
                problems.append(f"{ts.name}: untranslated: [{context}] {source!r}")
            for _, context, message in messages(ts):
                text = message.findtext("translation") or ""
                key = (context, message.findtext("source") or "")
                translated.setdefault(key, {}).setdefault(text, ts.name)
        for (context, source), texts in sorted(translated.items()):
            if len(texts) > 1:          # one .qm holds one translation of each
                where = "; ".join(f"{name}: {text!r}" for text, name in texts.items())
                problems.append(f"[{context}] {source!r} is translated differently: {where}")
        built = Path(tmp) / "built.qm"
        release(built)
        if not QM.exists() or QM.read_bytes() != built.read_bytes():
            problems.append(f"{QM.relative_to(ROOT)} is not built from the .ts files "
                            "(python tools/translations.py release)")
    for line in problems:
        print(line)
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("update", "todo", "apply", "release", "check"):
        print(__doc__)
        return 2
    command = argv[0]
    if command == "update":
        update()
    elif command == "todo":
        json.dump(todo(), sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif command == "apply":
        apply(Path(argv[1]))
    elif command == "release":
        release()
    else:
        return check()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

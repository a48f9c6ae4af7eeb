"""The document's saved form: one converter each way between a :class:`Document` and a
:class:`~beale_gui.core.session.Session`.

:func:`session_of` is what File > Save writes and the autosave keeps; :func:`document_of` is
what opening a session, a preset or a data export shows. A session is checked completely before
a document is made of it, so a refused file changes nothing.
"""

from __future__ import annotations

from ..core.i18n import translate
from ..core.session import Experiment, Session, SessionError, usable_view
from .document import DEFAULT_OPTIMIZERS, PALETTE, Document, OptimizerEntry, next_colour


def session_of(document: Document) -> Session:
    """Everything the document holds: function, optimizers with colours and enabled flags,
    settings, start points, and the view (when it is usable)."""
    entries = document.entries
    experiment = Experiment(
        document.function, [e.config for e in entries], document.starts.copy(),
        document.max_steps, document.tol, document.seed, document.expression,
        view=usable_view(document.view),
        colours=[e.colour for e in entries])
    return Session(experiment, [e.enabled for e in entries])


def document_of(session: Session) -> Document:
    """A new document showing ``session``; SessionError for what the window cannot show (a
    hyperparameter given as a list of values). An optimizer without a colour gets the first
    palette colour no other one uses."""
    exp = session.experiment
    entries = []
    for i, (config, on, colour) in enumerate(zip(exp.optimizers, session.enabled,
                                                 entry_colours(exp), strict=True)):
        arrays = [k for k, v in config.hparams.items() if not isinstance(v, float)]
        if arrays:
            raise SessionError(translate(
                "Document", "optimizers[{0}].hparams.{1}: the window takes one value per "
                "hyperparameter, not a list").format(i, arrays[0]))
        entries.append(OptimizerEntry(config, colour, on))
    try:
        return Document(exp.function, entries, expression=exp.expression,
                        max_steps=exp.max_steps, tol=exp.tol, seed=exp.seed,
                        starts=exp.starts, view=exp.view)
    except ValueError as exc:   # the loader checks all of it; this is the last word
        raise SessionError(str(exc)) from None


def entry_colours(exp: Experiment) -> list[str]:
    """Each optimizer's colour as the window shows ``exp`` (every optimizer, switched off
    ones too): its saved colour, or the first palette colour no other one uses."""
    used = {c.upper() for c in exp.colours or () if c}
    spare = [c for c in PALETTE if c.upper() not in used]
    return [exp.colour_of(i) or (spare.pop(0) if spare else PALETTE[i % len(PALETTE)])
            for i in range(len(exp.optimizers))]


def named_colours(names: list[str]) -> list[str]:
    """Colours for optimizers given by name only (the command line's ``--optimizer``): each
    the colour the window's default set gives it (GD orange, Adam vermilion...), or, for
    another optimizer or a second configuration of one, the first palette colour unused."""
    out: list[str] = []
    for name in names:
        own = PALETTE[DEFAULT_OPTIMIZERS.index(name)] if name in DEFAULT_OPTIMIZERS else None
        out.append(own if own is not None and own not in out else next_colour(out))
    return out


def fingerprint(session: Session) -> dict:
    """What counts as an edit: everything but the view (panning is not an edit)."""
    d = session.to_dict()
    d.pop("view", None)
    return d

"""The document's saved form: one converter each way between a :class:`Document` and a
:class:`~beale_gui.core.session.Session`.

:func:`session_of` is what File > Save writes and the autosave keeps; :func:`document_of` is
what opening a session, a preset or a data export shows. A session is checked completely before
a document is made of it, so a refused file changes nothing.
"""

from __future__ import annotations

from ..core.session import Experiment, Session, SessionError, usable_view
from .document import PALETTE, Document, OptimizerEntry


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
    used = {c.upper() for c in exp.colours or () if c}
    spare = [c for c in PALETTE if c.upper() not in used]
    entries = []
    for i, (config, on) in enumerate(zip(exp.optimizers, session.enabled, strict=True)):
        arrays = [k for k, v in config.hparams.items() if not isinstance(v, float)]
        if arrays:
            raise SessionError(f"optimizers[{i}].hparams.{arrays[0]}: the window takes one "
                               "value per hyperparameter, not a list")
        colour = exp.colour_of(i) or (spare.pop(0) if spare else PALETTE[i % len(PALETTE)])
        entries.append(OptimizerEntry(config, colour, on))
    try:
        return Document(exp.function, entries, expression=exp.expression,
                        max_steps=exp.max_steps, tol=exp.tol, seed=exp.seed,
                        starts=exp.starts, view=exp.view)
    except ValueError as exc:   # the loader checks all of it; this is the last word
        raise SessionError(str(exc)) from None


def fingerprint(session: Session) -> dict:
    """What counts as an edit: everything but the view (panning is not an edit)."""
    d = session.to_dict()
    d.pop("view", None)
    return d

"""The window's model, without Qt: the :class:`Document` (everything shown as configuration),
the :class:`RunState` (the shown result and the playhead), their events, and the one converter
each way between a document and a saved :class:`~beale_gui.core.session.Session`."""

from .convert import document_of, fingerprint, session_of
from .document import (
    DEFAULT_OPTIMIZERS,
    PALETTE,
    SEED_START,
    Document,
    OptimizerEntry,
    default_entries,
    function_hparams,
    function_key,
    is_edited,
    next_colour,
    with_hparams,
)
from .events import Event, Events
from .history import History
from .run_state import RunState

__all__ = ["DEFAULT_OPTIMIZERS", "PALETTE", "SEED_START", "Document", "Event", "Events",
           "History", "OptimizerEntry", "RunState", "default_entries", "document_of", "fingerprint",
           "function_hparams", "function_key", "is_edited", "next_colour", "session_of",
           "with_hparams"]

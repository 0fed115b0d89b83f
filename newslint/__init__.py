"""newslint: an editorial quality linter for news copy."""

__version__ = "0.1.0"

from .config import Config, ConfigError, load_config  # noqa: E402
from .document import Document, InputError, decode_bytes  # noqa: E402
from .engine import lint_text  # noqa: E402
from .files import lint_file  # noqa: E402
from .finding import Edit, Finding, Fix, Related, Severity  # noqa: E402

__all__ = [
    "Config", "ConfigError", "Document", "Edit", "Finding", "Fix", "InputError", "Related",
    "Severity", "decode_bytes", "lint_file", "lint_text", "load_config", "__version__",
]

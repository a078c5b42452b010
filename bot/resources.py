"""Where the shipped defaults live: `config/`, `prompts/` and `seeds/`.

In a checkout (and an editable install) they are the repository's top-level folders, where
people edit them. A wheel (`pip install .`, a PaaS build) carries copies inside the package at
`bot/_defaults/` (put there by `setup.py` at build time), found through importlib.resources, so
the defaults work from any folder without the checkout.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
PACKAGED = "_defaults"


def defaults_dir(name: str) -> Path:
    """The folder `name` ("config", "prompts", "seeds") of the running installation."""
    packaged = resources.files("bot").joinpath(PACKAGED, name)
    # A regular package installed on disk gives a Path; a zipped one cannot be read as files.
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return CHECKOUT / name

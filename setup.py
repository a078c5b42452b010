"""Build hook: the wheel carries the default config, prompts and seed inside the package.

Everything else is declared in pyproject.toml. `config/`, `prompts/` and `seeds/` stay at the
top of the repository (where people edit them); building a wheel copies them to
`bot/_defaults/`, where `bot.resources.defaults_dir` finds them in an installed copy.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DEFAULTS = ("config", "prompts", "seeds")


class BuildWithDefaults(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout's folders themselves
        for name in DEFAULTS:
            target = Path(self.build_lib) / "bot" / "_defaults" / name
            self.copy_tree(name, str(target))


setup(cmdclass={"build_py": BuildWithDefaults})

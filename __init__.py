"""respond: answer an online-loan lawsuit correctly and on time.

The repository's top-level folders install as ``respond.*`` (see pyproject.toml).
"""

__version__ = "0.1.0"

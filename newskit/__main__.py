"""``python -m newskit``: the same as the ``newskit`` command."""

from .cli import main

if __name__ == "__main__":
    main()

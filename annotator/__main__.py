"""``python -m annotator`` is the same entry point as the ``annotator`` script."""

from annotator.cli import main

if __name__ == "__main__":
    main()

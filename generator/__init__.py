"""The OCOP catalogue publisher: YAML data -> validated model -> Markdown pages -> static site."""

__version__ = "0.1.0"

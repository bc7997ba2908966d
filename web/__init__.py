"""``respond interview``: the borrower's guided interview in a local web page (127.0.0.1 only)."""

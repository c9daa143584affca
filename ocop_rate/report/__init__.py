"""One module per output format. Reports render ratings; they compute no scores."""

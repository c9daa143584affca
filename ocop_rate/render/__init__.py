"""One module per format, drawing a :class:`~ocop_rate.models.document.Document` of any
subject. These modules know nothing of OCOP: the words come already said."""

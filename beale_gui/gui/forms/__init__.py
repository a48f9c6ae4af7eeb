"""Forms: the widgets that edit configuration (the parameter panel, optimizer boxes, fields, the
search form) and write what they validate into the document."""

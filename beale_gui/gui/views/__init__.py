"""Views: widgets that draw the document and the run state (the canvas, loss plot, results
table, playback, basin overlay and search plot) and write user edits back into the document."""

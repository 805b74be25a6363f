"""DrawingML shapes, read the same way in Word and Excel: what a shape is (its kind), what is
a symbol and what a decoration, and what its shape properties say (geometry, fill, outline,
arrowheads, glued connector ends, group transforms)."""

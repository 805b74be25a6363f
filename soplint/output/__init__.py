"""Human output: the text dump of the model and the rule documentation."""

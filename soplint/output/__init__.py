"""Human and machine output: the text dump, the rich report and rule documentation."""

"""Office Open XML packages (.docx, .xlsx): safe zip access (input sniffing, size and entry
limits), safe XML parsing (no DOCTYPE, no entities, no network), package relationships."""

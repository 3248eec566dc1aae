"""Jaring: the immigration office's platform against trafficking (TPPO) and non-procedural migrant work."""

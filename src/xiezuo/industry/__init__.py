"""Industrial cooperation: projects, investment and fiscal assistance funds."""

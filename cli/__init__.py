"""`podium`: the command-line tool for organizers and operators (build, serve, export, check)."""

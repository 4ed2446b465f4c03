"""Data: yearly observations and progress files, with their origin, validated at the boundary."""

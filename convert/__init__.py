"""Converting the package's documents to other formats (PDF by LibreOffice)."""

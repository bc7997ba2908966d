"""Read the court's PDFs (传票, 应诉通知书, 起诉状副本, 举证通知书) into a draft case file.

- :mod:`respond.extract.pdftext`: safe text extraction (size, page and time limits; a child process).
- :mod:`respond.extract.normalize`: real-world text into one searchable form; dates, amounts, rates.
- :mod:`respond.extract.documents`: recognise each document's type and pull its fields, with provenance.
- :mod:`respond.extract.build`: merge the documents into one case-file dict with ``notes.sources``
  and ``notes.missing``; validate it when complete.
"""

"""Tables as the files organizers open: CSV that Excel reads safely, and real XLSX workbooks."""

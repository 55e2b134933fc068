"""The parts of the Excel workbook for report writers, one module per job; `export` assembles
them into the file.

- `cells`: writing a frame into a styled sheet (header, widths, number formats, wrapping) and
  embedding chart images;
- `reader_tables`: what a reader sees of each table: the sheets in order, the columns a report
  writer reads, codes, notes, regions and units in words of a language, a sheet per region's
  scorecard and the field dictionary;
- `summary`: the summary sheet (what each sheet holds, the focus regions' counts);
- `native_charts`: Excel's own charts of the verdicts, the gaps' status and the comparison.
"""

package io.github.javanets.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table: columns padded to their widest cell, the last one left unpadded. */
final class TextTable {
  private static final String GAP = "  ";

  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  private TextTable(String... header) {
    this.columns = header.length;
    rows.add(header);
  }

  /** A table with this header row; an empty header string prints no header. */
  static TextTable withHeader(String... header) {
    return new TextTable(header);
  }

  /** A table without header of {@code columns} columns. */
  static TextTable withColumns(int columns) {
    TextTable t = new TextTable(new String[columns]);
    t.rows.clear();
    return t;
  }

  /** Adds a row; missing cells are empty, null cells print as empty. */
  TextTable row(String... cells) {
    String[] row = Arrays.copyOf(cells, columns);
    for (int i = 0; i < row.length; i++) {
      row[i] = row[i] == null ? "" : row[i];
    }
    rows.add(row);
    return this;
  }

  /** Prints every row, each line starting with {@code indent}. */
  void print(PrintWriter out, String indent) {
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < columns; i++) {
        line.append(row[i]);
        if (i < columns - 1) {
          line.append(" ".repeat(widths[i] - row[i].length())).append(GAP);
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }
}

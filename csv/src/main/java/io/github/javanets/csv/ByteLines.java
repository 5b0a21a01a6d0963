package io.github.javanets.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * The lines of a stream of bytes, each as a range of one buffer: what {@link CsvRows} reads plain
 * lines from without decoding them to characters first. A line ends at {@code '\n'}; a {@code '\r'}
 * just before it is left out too. A line longer than {@code maxLine} bytes is not returned whole:
 * {@link #next} stops at it ({@link #tooLong}), and {@link #rest} gives the bytes from its start
 * for a reader that decodes and checks them, so the buffer holds at most about {@code maxLine}
 * bytes. Not thread-safe.
 */
final class ByteLines {
  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final int maxLine;
  private byte[] buffer = new byte[BUFFER];
  // The bytes read and not yet returned are buffer[from, to).
  private int from;
  private int to;
  private boolean eof;
  private int start;
  private int end;
  private boolean tooLong;
  private long number;

  /**
   * @param in the bytes, which {@link #close} closes; not null
   * @param maxLine the longest line returned, in bytes
   */
  ByteLines(InputStream in, int maxLine) {
    this.in = in;
    this.maxLine = maxLine;
  }

  /**
   * Drops a UTF-8 byte order mark at the start of the stream, if there is one. Call before the
   * first line.
   */
  void skipByteOrderMark() throws IOException {
    while (to - from < 3 && fill()) {
      // Reads the first three bytes.
    }
    if (to - from >= 3
        && buffer[from] == (byte) 0xEF
        && buffer[from + 1] == (byte) 0xBB
        && buffer[from + 2] == (byte) 0xBF) {
      from += 3;
    }
  }

  /**
   * Moves to the next line.
   *
   * @return false at the end of the stream, or when the next line is longer than the limit ({@link
   *     #tooLong} then says so, and {@link #rest} starts at that line)
   */
  boolean next() throws IOException {
    if (tooLong) {
      return false;
    }
    // The bytes after 'from' known to hold no line break; 'from' moves when the buffer does.
    int scanned = 0;
    while (true) {
      int newline = indexOf((byte) '\n', from + scanned, to);
      if (newline >= 0) {
        return line(newline, newline + 1);
      }
      scanned = to - from;
      if (scanned > maxLine + 1) {
        tooLong = true;
        return false;
      }
      if (!fill()) {
        return to > from && line(to, to);
      }
    }
  }

  private boolean line(int stop, int after) {
    start = from;
    end = stop > start && buffer[stop - 1] == '\r' && stop < to ? stop - 1 : stop;
    if (end - start > maxLine) {
      tooLong = true;
      return false;
    }
    number++;
    from = after;
    return true;
  }

  private int indexOf(byte b, int i, int limit) {
    for (; i < limit; i++) {
      if (buffer[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** Reads more bytes after {@code to}, moving or growing the buffer; false at the end. */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (from > 0) {
      System.arraycopy(buffer, from, buffer, 0, to - from);
      to -= from;
      start -= from;
      end -= from;
      from = 0;
    }
    if (to == buffer.length) {
      buffer = Arrays.copyOf(buffer, (int) Math.min(Integer.MAX_VALUE - 8, 2L * buffer.length));
    }
    int n = in.read(buffer, to, buffer.length - to);
    if (n < 0) {
      eof = true;
      return false;
    }
    to += n;
    return true;
  }

  /** The buffer holding the current line; valid until the next call. */
  byte[] buffer() {
    return buffer;
  }

  /** Where the current line starts in {@link #buffer}. */
  int start() {
    return start;
  }

  /** Where the current line ends in {@link #buffer}, line break excluded. */
  int end() {
    return end;
  }

  /** The number of the current line, from 1. */
  long number() {
    return number;
  }

  /** Whether {@link #next} stopped at a line longer than the limit. */
  boolean tooLong() {
    return tooLong;
  }

  /**
   * The bytes from the start of the current line ({@code fromCurrent}) or of the next one, to the
   * end of the stream; this reader is not used after.
   */
  InputStream rest(boolean fromCurrent) {
    int at = fromCurrent && !tooLong ? start : from;
    return new SequenceInputStream(new ByteArrayInputStream(buffer, at, to - at), in);
  }

  void close() throws IOException {
    in.close();
  }
}

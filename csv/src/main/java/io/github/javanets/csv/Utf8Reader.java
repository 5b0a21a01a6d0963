package io.github.javanets.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a CSV file, decoded as strict UTF-8: a byte that is not UTF-8 is an error naming the
 * file, the line and the byte (a decoder that replaces it would change the data silently, and the
 * JDK's own error names neither), a leading byte order mark is dropped (it would otherwise become
 * part of the first column's name), and a line longer than {@link #MAX_LINE} characters is an error
 * (a file with no line breaks would otherwise be read whole into one cell).
 */
final class Utf8Reader extends Reader {
  /** The longest line read, in characters: room for a million columns of 32 characters. */
  static final int MAX_LINE = 1 << 25;

  private static final char BOM = '\uFEFF';
  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final String name;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
  private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
  private boolean eof;
  private boolean started;
  private long line = 1;
  private long lineLength;

  /**
   * Reads {@code in}, which this reader closes.
   *
   * @param in the bytes; not null
   * @param name the file's name, for messages; not null
   */
  Utf8Reader(InputStream in, String name) {
    this(in, name, 1, true);
  }

  /**
   * Reads {@code in}, which this reader closes, from the middle of a file.
   *
   * @param in the bytes; not null
   * @param name the file's name, for messages; not null
   * @param line the number of the line {@code in} starts at, for messages
   * @param atStart whether {@code in} starts at the file's start (a byte order mark is dropped
   *     there only)
   */
  Utf8Reader(InputStream in, String name, long line, boolean atStart) {
    this.in = in;
    this.name = name;
    this.line = line;
    this.started = !atStart;
  }

  /**
   * Reads characters.
   *
   * @throws IllegalArgumentException for a byte that is not UTF-8 or a line that is too long,
   *     naming the file and the line
   * @throws IOException if the bytes cannot be read
   */
  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(length, chars.remaining());
    chars.get(buffer, offset, n);
    return n;
  }

  /** Decodes the next bytes into {@link #chars}; false at the end of the input. */
  private boolean fill() throws IOException {
    if (eof && !bytes.hasRemaining()) {
      return false;
    }
    if (!eof) {
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    }
    chars.clear();
    CoderResult result = decoder.decode(bytes, chars, eof);
    chars.flip();
    if (!started && chars.hasRemaining()) {
      started = true;
      if (chars.get(0) == BOM) {
        chars.get();
      }
    }
    countLines();
    if (result.isError()) {
      throw Errors.notUtf8(name, line, bytes.get(bytes.position()) & 0xFF);
    }
    return true;
  }

  /** Counts the line breaks of the newly decoded characters and checks the lines' length. */
  private void countLines() {
    for (int i = chars.position(); i < chars.limit(); i++) {
      if (chars.get(i) == '\n') {
        line++;
        lineLength = 0;
      } else if (++lineLength > MAX_LINE) {
        throw Errors.lineTooLong(name, line, MAX_LINE);
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

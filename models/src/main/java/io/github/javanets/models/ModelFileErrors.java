package io.github.javanets.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.javanets.loss.UnknownLossException;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.ZipException;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Every error message of model files, one named method each: the files {@link ModelFileReader},
 * {@link ModelJson} and {@link ParameterEntry} refuse ({@link InvalidModelFileException}s, each one
 * line that starts with the file and names the entry to blame), and the targets {@link AtomicFile}
 * will not write ({@link IOException}s). Each method returns the exception for its caller to throw.
 * The messages of the models themselves are in {@link Errors}.
 */
final class ModelFileErrors {
  private ModelFileErrors() {}

  // ---- The file as a whole --------------------------------------------------------------------

  /**
   * The path to load is a directory.
   *
   * @param file the path
   */
  static InvalidModelFileException isDirectory(Path file) {
    return refused(file, null, "is a directory, not a model file.", null);
  }

  /**
   * The path to load is a device, FIFO or socket.
   *
   * @param file the path
   */
  static InvalidModelFileException notRegularFile(Path file) {
    return refused(
        file, null, "is not a regular file (a device, FIFO or socket); a model file is one.", null);
  }

  /**
   * The file is not a zip archive.
   *
   * @param file the file
   * @param e what the zip reader said
   */
  static InvalidModelFileException notAZip(Path file, ZipException e) {
    return refused(
        file,
        null,
        "is not a javanets model file (not a zip archive: " + e.getMessage() + ").",
        null);
  }

  /**
   * The zip archive has no {@code model.json}.
   *
   * @param file the file
   */
  static InvalidModelFileException noModelJson(Path file) {
    return refused(file, null, "is not a javanets model file (no " + ModelFile.JSON + ").", null);
  }

  /**
   * The file holds a kind of model other than the one asked for.
   *
   * @param file the file
   * @param found the kind it holds
   * @param expected the kind asked for
   */
  static IllegalArgumentException wrongKind(Path file, ModelKind found, ModelKind expected) {
    return new IllegalArgumentException(
        file + " holds a " + found.title() + ", not a " + expected.title() + ".");
  }

  // ---- Zip entries ----------------------------------------------------------------------------

  /**
   * The archive has two entries of one name.
   *
   * @param file the file
   * @param entry the name
   */
  static InvalidModelFileException entryTwice(Path file, String entry) {
    return refused(file, entry, "has two entries named '" + entry + "'; each is unique.", null);
  }

  /**
   * The entries' compressed sizes add up to more than the file's size.
   *
   * @param file the file
   * @param entry the entry at which the sum passes the file's size
   * @param compressed the sum of compressed sizes up to that entry
   * @param fileSize the file's size
   */
  static InvalidModelFileException zipDirectoryDamaged(
      Path file, String entry, long compressed, long fileSize) {
    return refused(
        file,
        entry,
        "declares entries of "
            + compressed
            + " compressed bytes by entry '"
            + entry
            + "', more than the file's "
            + fileSize
            + ": its zip directory is damaged.",
        null);
  }

  /**
   * A parameter the layers need has no entry.
   *
   * @param file the file
   * @param parameter the parameter ({@code out.w})
   * @param shape its shape
   */
  static InvalidModelFileException parameterMissing(Path file, String parameter, long[] shape) {
    return refused(
        file,
        ModelFile.PARAMS + parameter,
        "lacks parameter '"
            + parameter
            + "' of shape "
            + Arrays.toString(shape)
            + " that its layers need.",
        null);
  }

  /**
   * The archive holds a parameter the layers do not use.
   *
   * @param file the file
   * @param entry the entry ({@code params/x.w})
   * @param parameter the parameter ({@code x.w})
   */
  static InvalidModelFileException parameterUnused(Path file, String entry, String parameter) {
    return refused(
        file, entry, "has parameter '" + parameter + "', which its layers do not use.", null);
  }

  /**
   * The archive holds an entry that is neither {@code model.json} nor a parameter.
   *
   * @param file the file
   * @param entry the entry
   */
  static InvalidModelFileException unknownEntry(Path file, String entry) {
    return refused(
        file,
        entry,
        "has entry '"
            + entry
            + "'; a model file holds only "
            + ModelFile.JSON
            + " and "
            + ModelFile.PARAMS
            + "<parameter> entries.",
        null);
  }

  /**
   * A parameter entry is compressed to fewer bytes than could inflate to its array.
   *
   * @param file the file
   * @param entry the entry
   * @param compressed its compressed size
   * @param bytes the size its parameter needs
   */
  static InvalidModelFileException entryTooSmall(
      Path file, String entry, long compressed, long bytes) {
    return refused(
        file,
        entry,
        "has entry '"
            + entry
            + "' of "
            + compressed
            + " compressed bytes, which cannot hold the "
            + bytes
            + " bytes its parameter needs: the file is damaged or forged.",
        null);
  }

  /**
   * An entry's checksum does not match its contents.
   *
   * @param file the file
   * @param entry the entry
   */
  static InvalidModelFileException checksumMismatch(Path file, String entry) {
    return refused(
        file,
        entry,
        "has entry '" + entry + "' whose checksum does not match: it is damaged.",
        null);
  }

  /**
   * An entry's compressed data cannot be inflated.
   *
   * @param file the file
   * @param entry the entry
   * @param cause what the zip reader said
   */
  static InvalidModelFileException notUnpacked(Path file, String entry, IOException cause) {
    return refused(
        file,
        entry,
        "has entry '" + entry + "' that cannot be unpacked (" + cause.getMessage() + ").",
        cause);
  }

  // ---- model.json -----------------------------------------------------------------------------

  /**
   * {@code model.json} is longer than a model file's may be.
   *
   * @param file the file
   * @param size its size
   * @param most the largest size read
   */
  static InvalidModelFileException jsonTooLong(Path file, long size, long most) {
    return refused(
        file,
        ModelFile.JSON,
        "has a " + ModelFile.JSON + " of over " + most + " bytes (" + size + ").",
        null);
  }

  /**
   * {@code model.json} is not valid JSON, or has a duplicate key.
   *
   * @param file the file
   * @param cause the parser's failure
   */
  static InvalidModelFileException notJson(Path file, JsonProcessingException cause) {
    String where =
        cause.getLocation() == null
            ? ""
            : " at line "
                + cause.getLocation().getLineNr()
                + ", column "
                + cause.getLocation().getColumnNr();
    return refused(
        file,
        ModelFile.JSON,
        "has a "
            + ModelFile.JSON
            + " that is not valid JSON"
            + where
            + ": "
            + cause.getOriginalMessage().replaceAll("\\s+", " "),
        cause);
  }

  /**
   * {@code model.json} is of another format than javanets'.
   *
   * @param file the file
   * @param format its format field, or null when missing
   */
  static InvalidModelFileException notJavanetsFormat(Path file, JsonNode format) {
    return refused(
        file,
        ModelFile.JSON,
        "is not a javanets model file (its "
            + ModelFile.JSON
            + " has format "
            + shown(format)
            + ", not \""
            + ModelFile.FORMAT
            + "\").",
        null);
  }

  /**
   * {@code model.json} has a version this javanets does not read.
   *
   * @param file the file
   * @param version its version field, or null when missing
   */
  static InvalidModelFileException unreadVersion(Path file, JsonNode version) {
    return refused(
        file,
        ModelFile.JSON,
        "has model file version "
            + shown(version)
            + "; this javanets reads version "
            + ModelFile.VERSION
            + ".",
        null);
  }

  /**
   * {@code model.json} names a kind of model this javanets does not know.
   *
   * @param file the file
   * @param kind the kind it names
   * @param cause the lookup's failure
   */
  static InvalidModelFileException unknownKind(
      Path file, String kind, IllegalArgumentException cause) {
    return refused(
        file,
        ModelFile.JSON,
        "holds a model of kind '"
            + kind
            + "', which this javanets does not know. Kinds: "
            + Arrays.toString(ModelKind.values())
            + ".",
        cause);
  }

  /**
   * A field of {@code model.json} is missing or of the wrong type or value.
   *
   * @param file the file
   * @param field the field ({@code "seed"}, {@code "losses[0].spec"}), or null for the whole
   * @param value its value, or null when missing
   * @param accepted what belongs there, in words, or a list of the accepted values
   */
  static InvalidModelFileException badField(
      Path file, String field, JsonNode value, Object accepted) {
    String wanted =
        accepted instanceof List<?> list ? "one of " + new TreeSet<>(list) : accepted.toString();
    return refused(
        file,
        ModelFile.JSON,
        "has a "
            + ModelFile.JSON
            + " whose "
            + (field == null ? "content" : "field '" + field + "'")
            + " is "
            + shown(value)
            + " where "
            + wanted
            + " belongs.",
        null);
  }

  /**
   * The {@code scaling} of {@code model.json} has a field it does not know.
   *
   * @param file the file
   * @param field the field, as {@code scaling.weights}
   * @param known the fields it may hold
   */
  static InvalidModelFileException unknownScalingField(
      Path file, String field, List<String> known) {
    return refused(
        file,
        ModelFile.JSON,
        "has a "
            + ModelFile.JSON
            + " with an unknown field '"
            + field
            + "'; it may hold "
            + known
            + ".",
        null);
  }

  /**
   * The file scales the targets of a model that has none to scale.
   *
   * @param file the file
   * @param kind the model's kind
   */
  static InvalidModelFileException targetScalingOfKind(Path file, ModelKind kind) {
    return refused(
        file,
        ModelFile.JSON,
        "scales the targets of a "
            + kind.title()
            + " ('scaling.targets'); only regressors scale their targets.",
        null);
  }

  /**
   * A scaling's offsets or scales are not as many as the model's columns.
   *
   * @param file the file
   * @param field the field, as {@code scaling.inputs.offsets}
   * @param found the values it holds
   * @param expected the model's columns
   * @param what {@code "inputs"} or {@code "outputs"}
   */
  static InvalidModelFileException scalingLength(
      Path file, String field, int found, int expected, String what) {
    return refused(
        file,
        ModelFile.JSON,
        "has '"
            + field
            + "' of "
            + found
            + " values, but its layers have "
            + expected
            + " "
            + what
            + ": one value per column belongs there.",
        null);
  }

  /**
   * The layers of {@code model.json} do not resolve into a network.
   *
   * @param file the file
   * @param cause why, as the model builder says it
   */
  static InvalidModelFileException layersNotANetwork(Path file, IllegalArgumentException cause) {
    return refused(
        file,
        ModelFile.JSON,
        "has layers that do not make a network: " + cause.getMessage(),
        cause);
  }

  /**
   * A loss the model needs has no provider on the class path.
   *
   * @param file the file
   * @param name the loss's name
   * @param className its class, as saved
   * @param version its version, as saved
   * @param jar its jar, as saved
   * @param cause the registry's failure
   */
  static InvalidModelFileException lossMissing(
      Path file,
      String name,
      String className,
      String version,
      String jar,
      UnknownLossException cause) {
    return refused(
        file,
        ModelFile.JSON,
        "needs loss '"
            + name
            + "' (class "
            + className
            + ", version "
            + version
            + ", from "
            + jar
            + "), which is not on the class path. Add that jar to load the model.",
        cause);
  }

  /**
   * A saved loss cannot be made from its spec (a parameter its provider no longer accepts, say).
   *
   * @param file the file
   * @param number the loss's position, from 1
   * @param cause why
   */
  static InvalidModelFileException lossNotMade(
      Path file, int number, IllegalArgumentException cause) {
    return refused(
        file,
        ModelFile.JSON,
        "has loss #" + number + " that cannot be made: " + cause.getMessage(),
        cause);
  }

  /**
   * The model that {@code model.json} describes cannot be built.
   *
   * @param file the file
   * @param cause why, as the model builder says it
   */
  static InvalidModelFileException modelNotBuilt(Path file, IllegalArgumentException cause) {
    return refused(
        file,
        ModelFile.JSON,
        "describes a model that cannot be built: " + cause.getMessage(),
        cause);
  }

  // ---- Parameter entries ----------------------------------------------------------------------

  /**
   * A parameter's shape holds more values than a model file holds per parameter.
   *
   * @param file the file
   * @param parameter the parameter ({@code out.w})
   * @param shape its shape
   * @param most the most values a parameter may hold
   */
  static InvalidModelFileException tooManyValues(
      Path file, String parameter, long[] shape, long most) {
    return refused(
        file,
        ModelFile.PARAMS + parameter,
        "has parameter '"
            + parameter
            + "' of shape "
            + Arrays.toString(shape)
            + ", over the "
            + most
            + " values a javanets model file holds per parameter.",
        null);
  }

  /**
   * A parameter entry's size in the zip directory is not the size its shape and type take.
   *
   * @param file the file
   * @param entry the entry
   * @param declared the size the zip directory declares
   * @param shape the shape the layers need
   * @param type the model's data type
   * @param bytes the size they take
   */
  static InvalidModelFileException entrySizeMismatch(
      Path file, String entry, long declared, long[] shape, DataType type, long bytes) {
    return refused(
        file,
        entry,
        "has entry '"
            + entry
            + "' of "
            + declared
            + " bytes where shape "
            + Arrays.toString(shape)
            + " of "
            + type
            + " takes "
            + bytes
            + ".",
        null);
  }

  /**
   * A parameter entry has bytes after its values.
   *
   * @param file the file
   * @param entry the entry
   * @param values the number of values it holds
   */
  static InvalidModelFileException trailingBytes(Path file, String entry, long values) {
    return refused(
        file,
        entry,
        "has bytes after the "
            + values
            + " values of entry '"
            + entry
            + "'; an entry holds one array.",
        null);
  }

  /**
   * A parameter entry ends before its values do.
   *
   * @param file the file
   * @param entry the entry
   * @param cause the end of the stream
   */
  static InvalidModelFileException entryTruncated(Path file, String entry, EOFException cause) {
    return refused(
        file, entry, "has entry '" + entry + "' cut short: the file is truncated.", cause);
  }

  /**
   * A parameter entry's header has text that is not modified UTF-8.
   *
   * @param file the file
   * @param entry the entry
   * @param cause the decoder's failure
   */
  static InvalidModelFileException malformedHeaderText(
      Path file, String entry, UTFDataFormatException cause) {
    return refused(
        file,
        entry,
        "has entry '" + entry + "' whose header has malformed text: it is damaged.",
        cause);
  }

  /**
   * A parameter entry's shape header holds a count of numbers no array has.
   *
   * @param file the file
   * @param entry the entry
   * @param length the count it holds
   */
  static InvalidModelFileException badShapeHeaderLength(Path file, String entry, long length) {
    return refused(
        file,
        entry,
        "has entry '"
            + entry
            + "' whose shape header holds "
            + length
            + " numbers; an array of rank r has 2r + 4, r at most 32.",
        null);
  }

  /**
   * A parameter entry's shape header holds numbers of a type other than javanets writes.
   *
   * @param file the file
   * @param entry the entry
   * @param type the type it names
   * @param expected the type javanets writes
   */
  static InvalidModelFileException badShapeHeaderType(
      Path file, String entry, String type, DataType expected) {
    return refused(
        file,
        entry,
        "has entry '"
            + entry
            + "' whose shape header holds "
            + shownText(type)
            + " numbers where a javanets model file has "
            + expected
            + ".",
        null);
  }

  /**
   * A parameter entry's shape header gives a rank its length does not hold.
   *
   * @param file the file
   * @param entry the entry
   * @param declared the rank it gives
   * @param length the count of numbers it holds
   * @param rank the rank that count holds
   */
  static InvalidModelFileException rankMismatch(
      Path file, String entry, long declared, long length, long rank) {
    return refused(
        file,
        entry,
        "has entry '"
            + entry
            + "' whose shape header says rank "
            + declared
            + " in "
            + length
            + " numbers (rank "
            + rank
            + ").",
        null);
  }

  /**
   * A parameter entry holds an array of a shape other than the layers need.
   *
   * @param file the file
   * @param parameter the parameter ({@code out.w})
   * @param stored the shape it holds
   * @param shape the shape the layers need
   */
  static InvalidModelFileException parameterShapeMismatch(
      Path file, String parameter, long[] stored, long[] shape) {
    return refused(
        file,
        ModelFile.PARAMS + parameter,
        "has parameter '"
            + parameter
            + "' of shape "
            + Arrays.toString(stored)
            + " where its layers need "
            + Arrays.toString(shape)
            + ".",
        null);
  }

  /**
   * A parameter entry's shape header gives an order other than 'c' or 'f'.
   *
   * @param file the file
   * @param entry the entry
   * @param order the order it gives
   */
  static InvalidModelFileException badOrder(Path file, String entry, long order) {
    return refused(
        file,
        entry,
        "has entry '"
            + entry
            + "' whose shape header gives order "
            + order
            + "; the order is 'c' (99) or 'f' (102).",
        null);
  }

  /**
   * A parameter entry declares a count of values its shape does not hold.
   *
   * @param file the file
   * @param entry the entry
   * @param count the count it declares
   * @param shape the shape the layers need
   * @param values the count that shape holds
   */
  static InvalidModelFileException valueCountMismatch(
      Path file, String entry, long count, long[] shape, long values) {
    return refused(
        file,
        entry,
        "has entry '"
            + entry
            + "' that declares "
            + count
            + " values where shape "
            + Arrays.toString(shape)
            + " holds "
            + values
            + ".",
        null);
  }

  /**
   * A parameter entry holds values of a type other than the model's.
   *
   * @param file the file
   * @param entry the entry
   * @param stored the type it names
   * @param type the model's data type
   */
  static InvalidModelFileException wrongDataType(
      Path file, String entry, String stored, DataType type) {
    return refused(
        file,
        entry,
        "has entry '"
            + entry
            + "' of "
            + shownText(stored)
            + " values where the model's dataType is "
            + type
            + ".",
        null);
  }

  /**
   * A buffer of a parameter entry starts with an allocation mode other than javanets writes.
   *
   * @param file the file
   * @param entry the entry
   * @param part which buffer: "shape header" or "values"
   * @param mode the mode it names
   * @param expected the mode javanets writes
   */
  static InvalidModelFileException notWrittenByJavanets(
      Path file, String entry, String part, String mode, String expected) {
    return refused(
        file,
        entry,
        "has entry '"
            + entry
            + "' whose "
            + part
            + " starts with "
            + shownText(mode)
            + " where a javanets model file has '"
            + expected
            + "': it was not written by javanets "
            + "(ND4J 1.0.0-M2.1), or is damaged.",
        null);
  }

  /**
   * A saved parameter value is NaN or infinite.
   *
   * @param file the file
   * @param entry the entry
   * @param index the value's index
   * @param value the value
   */
  static InvalidModelFileException valueNotFinite(
      Path file, String entry, long index, double value) {
    return refused(
        file,
        entry,
        "has entry '"
            + entry
            + "' whose value #"
            + index
            + " is "
            + value
            + "; a saved parameter is finite.",
        null);
  }

  /**
   * A parameter that the file holds correctly does not fit in this JVM's heap.
   *
   * @param file the file
   * @param parameter the parameter ({@code out.w})
   * @param shape its shape
   * @param bytes its size
   * @param cause the allocation's failure
   */
  static OutOfMemoryError parameterTooLarge(
      Path file, String parameter, long[] shape, long bytes, OutOfMemoryError cause) {
    OutOfMemoryError e =
        new OutOfMemoryError(
            file
                + ": parameter '"
                + parameter
                + "' of shape "
                + Arrays.toString(shape)
                + " ("
                + bytes
                + " bytes) does not fit in this JVM's memory; raise -Xmx.");
    e.initCause(cause);
    return e;
  }

  // ---- Targets of a write ---------------------------------------------------------------------

  /**
   * The target of a write names a directory.
   *
   * @param target the target as given
   */
  static IOException targetIsDirectory(Path target) {
    return new IOException(quoted(target) + " is a directory: name a file.");
  }

  /**
   * The target of a write is a symbolic link, which is neither followed nor replaced.
   *
   * @param target the target as given
   * @param link where the link points
   */
  static IOException targetIsLink(Path target, Path link) {
    return new IOException(
        quoted(target)
            + " is a symbolic link (to '"
            + link
            + "'): javanets neither replaces nor follows links; write to the file it points to.");
  }

  /**
   * The target of a write is a device, FIFO or socket.
   *
   * @param target the target as given
   */
  static IOException targetNotRegular(Path target) {
    return new IOException(
        quoted(target)
            + " is not a regular file (a device, FIFO or socket): javanets creates a new file or"
            + " replaces a regular one; choose another path.");
  }

  /**
   * The target of a write is read-only.
   *
   * @param target the target as given
   */
  static IOException targetReadOnly(Path target) {
    return new IOException(
        quoted(target) + " is read-only: make it writable or choose another path.");
  }

  /**
   * A parent of the target of a write exists but is not a directory.
   *
   * @param target the target as given
   * @param parent the nearest existing parent
   */
  static IOException parentNotADirectory(Path target, Path parent) {
    return new IOException(
        quoted(target) + " cannot be written: '" + parent + "' is not a directory.");
  }

  /**
   * The target's directory is missing and its nearest existing parent is not writable.
   *
   * @param target the target as given
   * @param parent the nearest existing parent
   * @param dir the directory that would be created
   */
  static IOException parentNotWritable(Path target, Path parent, Path dir) {
    return new IOException(
        quoted(target)
            + " cannot be written: directory '"
            + parent
            + "' is not writable, so '"
            + dir
            + "' cannot be created in it.");
  }

  /**
   * The target's directory does not take a new file.
   *
   * @param target the target as given
   * @param dir its directory
   * @param cause why a probe file could not be created
   */
  static IOException directoryRefusesFile(Path target, Path dir, IOException cause) {
    String m = cause.getMessage();
    return new IOException(
        quoted(target)
            + " cannot be written: directory '"
            + dir
            + "' does not take a new file ("
            + cause.getClass().getSimpleName()
            + (m == null ? "" : ": " + m)
            + ").",
        cause);
  }

  private static InvalidModelFileException refused(
      Path file, String entry, String problem, Throwable cause) {
    return new InvalidModelFileException(file, entry, file + " " + problem, cause);
  }

  /** A JSON value as it reads in the file, cut at 60 characters; {@code missing} for null. */
  private static String shown(JsonNode value) {
    if (value == null) {
      return "missing";
    }
    String text = value.toString();
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }

  /** A text read from a header, quoted, cut at 40 characters, control characters shown as ?. */
  private static String shownText(String text) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
  }

  private static String quoted(Path target) {
    return "'" + target + "'";
  }
}

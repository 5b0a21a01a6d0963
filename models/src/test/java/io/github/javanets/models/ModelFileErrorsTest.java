package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.javanets.conventions.ErrorsClasses;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.loss.UnknownLossException;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Every message of model files, with sample values, word for word. */
class ModelFileErrorsTest {
  private static final Path FILE = Path.of("models", "m.jnet");
  private static final String F = FILE.toString();

  @Test
  void everyMethodReturnsTheExceptionToThrow() {
    ErrorsClasses.assertEveryMethodReturnsAnException(ModelFileErrors.class);
  }

  @Test
  void aRefusalNamesTheFileAndTheEntryToBlame() {
    InvalidModelFileException e = ModelFileErrors.checksumMismatch(FILE, "params/out.w");
    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.entry()).isEqualTo("params/out.w");
    assertThat(ModelFileErrors.isDirectory(FILE).entry()).isNull();
    assertThat(ModelFileErrors.parameterMissing(FILE, "out.w", new long[] {2}).entry())
        .isEqualTo("params/out.w");
    assertThat(ModelFileErrors.badField(FILE, "seed", null, "a whole number").entry())
        .isEqualTo("model.json");
  }

  @Test
  void theFileAsAWholeIsRefusedWithWhatItIs() {
    assertThat(ModelFileErrors.isDirectory(FILE))
        .hasMessage(F + " is a directory, not a model file.");
    assertThat(ModelFileErrors.notRegularFile(FILE))
        .hasMessage(F + " is not a regular file (a device, FIFO or socket); a model file is one.");
    assertThat(ModelFileErrors.notAZip(FILE, new ZipException("zip END header not found")))
        .hasMessage(
            F + " is not a javanets model file (not a zip archive: zip END header not found).")
        .hasNoCause();
    assertThat(ModelFileErrors.noModelJson(FILE))
        .hasMessage(F + " is not a javanets model file (no model.json).");
    assertThat(ModelFileErrors.wrongKind(FILE, ModelKind.CLASSIFIER, ModelKind.REGRESSOR))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(F + " holds a Classifier, not a Regressor.");
  }

  @Test
  void zipEntriesAreRefusedByName() {
    assertThat(ModelFileErrors.entryTwice(FILE, "model.json"))
        .hasMessage(F + " has two entries named 'model.json'; each is unique.");
    assertThat(ModelFileErrors.zipDirectoryDamaged(FILE, "params/out.w", 900, 512))
        .hasMessage(
            F
                + " declares entries of 900 compressed bytes by entry 'params/out.w', more than"
                + " the file's 512: its zip directory is damaged.");
    assertThat(ModelFileErrors.parameterMissing(FILE, "out.w", new long[] {3, 2}))
        .hasMessage(F + " lacks parameter 'out.w' of shape [3, 2] that its layers need.");
    assertThat(ModelFileErrors.parameterUnused(FILE, "params/x.w", "x.w"))
        .hasMessage(F + " has parameter 'x.w', which its layers do not use.");
    assertThat(ModelFileErrors.unknownEntry(FILE, "notes.txt"))
        .hasMessage(
            F
                + " has entry 'notes.txt'; a model file holds only model.json and"
                + " params/<parameter> entries.");
    assertThat(ModelFileErrors.entryTooSmall(FILE, "params/out.w", 10, 1_000_000))
        .hasMessage(
            F
                + " has entry 'params/out.w' of 10 compressed bytes, which cannot hold the"
                + " 1000000 bytes its parameter needs: the file is damaged or forged.");
    assertThat(ModelFileErrors.checksumMismatch(FILE, "params/out.w"))
        .hasMessage(F + " has entry 'params/out.w' whose checksum does not match: it is damaged.");
    ZipException bad = new ZipException("invalid stored block lengths");
    assertThat(ModelFileErrors.notUnpacked(FILE, "params/out.w", bad))
        .hasMessage(
            F
                + " has entry 'params/out.w' that cannot be unpacked (invalid stored block"
                + " lengths).")
        .hasCause(bad);
  }

  @Test
  void modelJsonIsRefusedFieldByField() {
    assertThat(ModelFileErrors.jsonTooLong(FILE, 20_000_000, 16_777_216))
        .hasMessage(F + " has a model.json of over 16777216 bytes (20000000).");
    JsonParseException parse =
        new JsonParseException(
            (JsonParser) null,
            "Duplicate field 'seed'\n at [Source: x]",
            new JsonLocation(ContentReference.unknown(), -1, 3, 7));
    assertThat(ModelFileErrors.notJson(FILE, parse))
        .hasMessage(
            F
                + " has a model.json that is not valid JSON at line 3, column 7: Duplicate field"
                + " 'seed' at [Source: x]")
        .hasCause(parse);
    assertThat(ModelFileErrors.notJavanetsFormat(FILE, TextNode.valueOf("zip")))
        .hasMessage(
            F
                + " is not a javanets model file (its model.json has format \"zip\", not"
                + " \"javanets-model\").");
    assertThat(ModelFileErrors.notJavanetsFormat(FILE, null))
        .hasMessage(
            F
                + " is not a javanets model file (its model.json has format missing, not"
                + " \"javanets-model\").");
    assertThat(ModelFileErrors.unreadVersion(FILE, IntNode.valueOf(2)))
        .hasMessage(F + " has model file version 2; this javanets reads version 1.");
    IllegalArgumentException noKind = new IllegalArgumentException("No enum constant");
    assertThat(ModelFileErrors.unknownKind(FILE, "FOREST", noKind))
        .hasMessage(
            F
                + " holds a model of kind 'FOREST', which this javanets does not know. Kinds:"
                + " [REGRESSOR, CLASSIFIER, AUTOENCODER, RECURRENT_REGRESSOR,"
                + " RECURRENT_CLASSIFIER, RECURRENT_AUTOENCODER].")
        .hasCause(noKind);
    assertThat(ModelFileErrors.badField(FILE, "seed", TextNode.valueOf("abc"), "a whole number"))
        .hasMessage(
            F + " has a model.json whose field 'seed' is \"abc\" where a whole number belongs.");
    assertThat(ModelFileErrors.badField(FILE, null, IntNode.valueOf(3), "a JSON object"))
        .hasMessage(F + " has a model.json whose content is 3 where a JSON object belongs.");
    assertThat(
            ModelFileErrors.badField(
                FILE, "dataType", TextNode.valueOf("INT"), List.of("FLOAT", "DOUBLE")))
        .hasMessage(
            F
                + " has a model.json whose field 'dataType' is \"INT\" where one of [DOUBLE,"
                + " FLOAT] belongs.");
    assertThat(ModelFileErrors.badField(FILE, "losses", null, "an array of objects"))
        .hasMessage(
            F
                + " has a model.json whose field 'losses' is missing where an array of objects"
                + " belongs.");
    String longText = "x".repeat(70);
    assertThat(ModelFileErrors.badField(FILE, "kind", TextNode.valueOf(longText), "a text"))
        .hasMessage(
            F
                + " has a model.json whose field 'kind' is \""
                + "x".repeat(59)
                + "... where a text belongs.");
  }

  @Test
  void modelJsonThatMakesNoModelIsRefusedWithTheReason() {
    IllegalArgumentException why = Errors.layerNameTwice("code");
    assertThat(ModelFileErrors.layersNotANetwork(FILE, why))
        .hasMessage(F + " has layers that do not make a network: Two layers are named 'code'.")
        .hasCause(why);
    assertThat(ModelFileErrors.modelNotBuilt(FILE, why))
        .hasMessage(F + " describes a model that cannot be built: Two layers are named 'code'.")
        .hasCause(why);
    assertThat(ModelFileErrors.lossNotMade(FILE, 2, why))
        .hasMessage(F + " has loss #2 that cannot be made: Two layers are named 'code'.")
        .hasCause(why);
    UnknownLossException unknown =
        (UnknownLossException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> LossRegistry.discover().create("no-such-loss"));
    assertThat(
            ModelFileErrors.lossMissing(
                FILE, "step", "com.acme.Step", "1.2", "acme-losses-1.2.jar", unknown))
        .hasMessage(
            F
                + " needs loss 'step' (class com.acme.Step, version 1.2, from"
                + " acme-losses-1.2.jar), which is not on the class path. Add that jar to load the"
                + " model.")
        .hasCause(unknown);
  }

  @Test
  void parameterEntriesAreRefusedWithWhatTheLayersNeed() {
    String e = "params/out.w";
    long[] shape = {3, 2};
    assertThat(ModelFileErrors.tooManyValues(FILE, "out.w", new long[] {1L << 20, 1L << 20}, 9))
        .hasMessage(
            F
                + " has parameter 'out.w' of shape [1048576, 1048576], over the 9 values a"
                + " javanets model file holds per parameter.");
    assertThat(ModelFileErrors.entrySizeMismatch(FILE, e, 90, shape, DataType.FLOAT, 110))
        .hasMessage(
            F + " has entry 'params/out.w' of 90 bytes where shape [3, 2] of FLOAT takes 110.");
    assertThat(ModelFileErrors.trailingBytes(FILE, e, 6))
        .hasMessage(
            F + " has bytes after the 6 values of entry 'params/out.w'; an entry holds one array.");
    EOFException eof = new EOFException();
    assertThat(ModelFileErrors.entryTruncated(FILE, e, eof))
        .hasMessage(F + " has entry 'params/out.w' cut short: the file is truncated.")
        .hasCause(eof);
    UTFDataFormatException utf = new UTFDataFormatException();
    assertThat(ModelFileErrors.malformedHeaderText(FILE, e, utf))
        .hasMessage(F + " has entry 'params/out.w' whose header has malformed text: it is damaged.")
        .hasCause(utf);
    assertThat(ModelFileErrors.badShapeHeaderLength(FILE, e, 5))
        .hasMessage(
            F
                + " has entry 'params/out.w' whose shape header holds 5 numbers; an array of rank"
                + " r has 2r + 4, r at most 32.");
    assertThat(ModelFileErrors.badShapeHeaderType(FILE, e, "INT\u0001", DataType.DOUBLE))
        .hasMessage(
            F
                + " has entry 'params/out.w' whose shape header holds 'INT?' numbers where a"
                + " javanets model file has DOUBLE.");
    assertThat(ModelFileErrors.rankMismatch(FILE, e, 3, 8, 2))
        .hasMessage(
            F + " has entry 'params/out.w' whose shape header says rank 3 in 8 numbers (rank 2).");
    assertThat(ModelFileErrors.parameterShapeMismatch(FILE, "out.w", new long[] {2, 3}, shape))
        .hasMessage(F + " has parameter 'out.w' of shape [2, 3] where its layers need [3, 2].");
    assertThat(ModelFileErrors.badOrder(FILE, e, 120))
        .hasMessage(
            F
                + " has entry 'params/out.w' whose shape header gives order 120; the order is"
                + " 'c' (99) or 'f' (102).");
    assertThat(ModelFileErrors.valueCountMismatch(FILE, e, 7, shape, 6))
        .hasMessage(
            F + " has entry 'params/out.w' that declares 7 values where shape [3, 2] holds 6.");
    assertThat(ModelFileErrors.wrongDataType(FILE, e, "x".repeat(45), DataType.FLOAT))
        .hasMessage(
            F
                + " has entry 'params/out.w' of '"
                + "x".repeat(40)
                + "...' values where the model's dataType is FLOAT.");
    assertThat(ModelFileErrors.notWrittenByJavanets(FILE, e, "values", "HEAP", "MIXED_DATA_TYPES"))
        .hasMessage(
            F
                + " has entry 'params/out.w' whose values starts with 'HEAP' where a javanets"
                + " model file has 'MIXED_DATA_TYPES': it was not written by javanets (ND4J"
                + " 1.0.0-M2.1), or is damaged.");
    assertThat(ModelFileErrors.valueNotFinite(FILE, e, 4, Double.NaN))
        .hasMessage(
            F + " has entry 'params/out.w' whose value #4 is NaN; a saved parameter is finite.");
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    assertThat(ModelFileErrors.parameterTooLarge(FILE, "out.w", shape, 110, oom))
        .hasMessage(
            F
                + ": parameter 'out.w' of shape [3, 2] (110 bytes) does not fit in this JVM's"
                + " memory; raise -Xmx.")
        .hasCause(oom);
  }

  @Test
  void writeTargetsAreRefusedWithWhatToDoInstead() {
    Path target = Path.of("out", "m.jnet");
    Path dir = Path.of("out");
    assertThat(ModelFileErrors.targetIsDirectory(target))
        .hasMessage("'" + target + "' is a directory: name a file.");
    assertThat(ModelFileErrors.targetIsLink(target, Path.of("elsewhere.jnet")))
        .hasMessage(
            "'"
                + target
                + "' is a symbolic link (to 'elsewhere.jnet'): javanets neither replaces nor"
                + " follows links; write to the file it points to.");
    assertThat(ModelFileErrors.targetNotRegular(target))
        .hasMessage(
            "'"
                + target
                + "' is not a regular file (a device, FIFO or socket): javanets creates a new"
                + " file or replaces a regular one; choose another path.");
    assertThat(ModelFileErrors.targetReadOnly(target))
        .hasMessage("'" + target + "' is read-only: make it writable or choose another path.");
    assertThat(ModelFileErrors.parentNotADirectory(target, dir))
        .hasMessage("'" + target + "' cannot be written: '" + dir + "' is not a directory.");
    assertThat(ModelFileErrors.parentNotWritable(target, Path.of("."), dir))
        .hasMessage(
            "'"
                + target
                + "' cannot be written: directory '.' is not writable, so '"
                + dir
                + "' cannot be created in it.");
    IOException denied = new AccessDeniedException("out/.probe");
    assertThat(ModelFileErrors.directoryRefusesFile(target, dir, denied))
        .hasMessage(
            "'"
                + target
                + "' cannot be written: directory '"
                + dir
                + "' does not take a new file (AccessDeniedException: out/.probe).")
        .hasCause(denied);
    assertThat(ModelFileErrors.directoryRefusesFile(target, dir, new IOException()))
        .hasMessage(
            "'"
                + target
                + "' cannot be written: directory '"
                + dir
                + "' does not take a new file (IOException).");
  }
}

package io.github.javanets.models;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One {@code params/<name>} entry of a model file, in the layout {@code Nd4j.write} gives a dense
 * array: a header of the array's shape information (rank, shape, strides, flags, order) as {@code
 * LONG}s, then a header naming the count and type of the values, then the values, big-endian.
 *
 * <p>The reader here trusts none of it: it checks each header against the shape and data type the
 * model's layers imply before it allocates anything, reads exactly the values that shape holds into
 * a Java array it sized itself, refuses non-finite values and trailing bytes, and only then makes
 * the ND4J array. ND4J's own reader would hand native code a buffer as long as the file says.
 */
final class ParameterEntry {
  /** The allocation mode {@code Nd4j.write} records before each buffer in ND4J 1.0.0-M2.1. */
  private static final String ALLOCATION = "MIXED_DATA_TYPES";

  /** The data type of the shape information buffer. */
  private static final DataType SHAPE_TYPE = DataType.LONG;

  /** The data types a model's parameters may have. */
  static final Set<DataType> TYPES =
      Set.of(DataType.DOUBLE, DataType.FLOAT, DataType.HALF, DataType.BFLOAT16);

  /** The most values one parameter may hold: the longest Java array. */
  static final long MAX_VALUES = Integer.MAX_VALUE - 8;

  /** Values decoded per read. */
  private static final int CHUNK = 1 << 14;

  private final Path file;
  private final String entry;
  private final String name;
  private final long[] shape;
  private final DataType type;

  /**
   * An entry to read.
   *
   * @param file the model file, for messages
   * @param name the parameter ({@code out.w}); the entry is {@code params/<name>}
   * @param shape the shape the model's layers need
   * @param type the model's data type, one of {@link #TYPES}
   */
  ParameterEntry(Path file, String name, long[] shape, DataType type) {
    this.file = file;
    this.entry = ModelFile.PARAMS + name;
    this.name = name;
    this.shape = shape.clone();
    this.type = type;
  }

  /**
   * The number of values of the shape.
   *
   * @throws InvalidModelFileException if it exceeds {@link #MAX_VALUES}
   */
  long values() {
    long n = 1;
    try {
      for (long d : shape) {
        n = Math.multiplyExact(n, d);
      }
    } catch (ArithmeticException e) {
      n = Long.MAX_VALUE;
    }
    if (n > MAX_VALUES) {
      throw ModelFileErrors.tooManyValues(file, name, shape, MAX_VALUES);
    }
    return n;
  }

  /** The exact size in bytes of the entry. */
  long bytes() {
    long shapeInfo = 8L * (2L * shape.length + 4);
    return header(SHAPE_TYPE) + shapeInfo + header(type) + values() * type.width();
  }

  private static long header(DataType t) {
    return 2 + ALLOCATION.length() + 8 + 2 + t.name().getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * Reads the entry from {@code in}, which must then be at its end.
   *
   * @param declaredSize the entry's size from the zip directory, or -1 if unknown
   * @throws InvalidModelFileException for anything but exactly the array this entry should hold
   * @throws IOException if the file cannot be read
   */
  INDArray read(DataInputStream in, long declaredSize) throws IOException {
    try {
      char order = readShapeInfo(in);
      readDataHeader(in);
      if (declaredSize >= 0 && declaredSize != bytes()) {
        throw ModelFileErrors.entrySizeMismatch(file, entry, declaredSize, shape, type, bytes());
      }
      INDArray array = readValues(in, order);
      if (in.read() != -1) {
        throw ModelFileErrors.trailingBytes(file, entry, values());
      }
      return array;
    } catch (EOFException e) {
      throw ModelFileErrors.entryTruncated(file, entry, e);
    } catch (UTFDataFormatException e) {
      throw ModelFileErrors.malformedHeaderText(file, entry, e);
    }
  }

  /** Reads and checks the shape information; returns the order of the values. */
  private char readShapeInfo(DataInputStream in) throws IOException {
    readAllocation(in, "shape header");
    long length = in.readLong();
    long rank = (length - 4) / 2;
    if (length < 4 || length % 2 != 0 || rank > 32) {
      throw ModelFileErrors.badShapeHeaderLength(file, entry, length);
    }
    String infoType = in.readUTF();
    if (!infoType.equals(SHAPE_TYPE.name())) {
      throw ModelFileErrors.badShapeHeaderType(file, entry, infoType, SHAPE_TYPE);
    }
    long[] info = new long[(int) length];
    for (int i = 0; i < info.length; i++) {
      info[i] = in.readLong();
    }
    if (info[0] != rank) {
      throw ModelFileErrors.rankMismatch(file, entry, info[0], length, rank);
    }
    long[] stored = Arrays.copyOfRange(info, 1, 1 + (int) rank);
    if (!Arrays.equals(stored, shape)) {
      throw ModelFileErrors.parameterShapeMismatch(file, name, stored, shape);
    }
    long order = info[info.length - 1];
    if (order != 'c' && order != 'f') {
      throw ModelFileErrors.badOrder(file, entry, order);
    }
    return (char) order;
  }

  private void readDataHeader(DataInputStream in) throws IOException {
    readAllocation(in, "values");
    long count = in.readLong();
    if (count != values()) {
      throw ModelFileErrors.valueCountMismatch(file, entry, count, shape, values());
    }
    String storedType = in.readUTF();
    if (!storedType.equals(type.name())) {
      throw ModelFileErrors.wrongDataType(file, entry, storedType, type);
    }
  }

  /** Reads a buffer's allocation mode, which must be {@link #ALLOCATION}. */
  private void readAllocation(DataInputStream in, String part) throws IOException {
    String mode = in.readUTF();
    if (!mode.equals(ALLOCATION)) {
      throw ModelFileErrors.notWrittenByJavanets(file, entry, part, mode, ALLOCATION);
    }
  }

  private INDArray readValues(DataInputStream in, char order) throws IOException {
    int n = (int) values();
    int width = type.width();
    byte[] chunk = new byte[Math.min(n, CHUNK) * width];
    double[] doubles = type == DataType.DOUBLE ? allocateDoubles(n) : null;
    float[] floats = doubles == null ? allocateFloats(n) : null;
    for (int start = 0; start < n; start += CHUNK) {
      int count = Math.min(CHUNK, n - start);
      in.readFully(chunk, 0, count * width);
      ByteBuffer values = ByteBuffer.wrap(chunk, 0, count * width).order(ByteOrder.BIG_ENDIAN);
      for (int i = 0; i < count; i++) {
        double v = decode(values, i * width);
        if (!Double.isFinite(v)) {
          throw ModelFileErrors.valueNotFinite(file, entry, start + i, v);
        }
        if (doubles != null) {
          doubles[start + i] = v;
        } else {
          floats[start + i] = (float) v;
        }
      }
    }
    long[] strides = Nd4j.getStrides(shape, order);
    INDArray array =
        doubles != null
            ? Nd4j.create(doubles, shape, strides, order, DataType.DOUBLE)
            : Nd4j.create(floats, shape, strides, order, DataType.FLOAT);
    return array.dataType() == type ? array : array.castTo(type);
  }

  private double decode(ByteBuffer values, int at) {
    switch (type) {
      case DOUBLE:
        return values.getDouble(at);
      case FLOAT:
        return values.getFloat(at);
      case HALF:
        return half(values.getShort(at));
      default:
        return Float.intBitsToFloat((values.getShort(at) & 0xffff) << 16);
    }
  }

  /** An IEEE 754 binary16 value; infinite or NaN when its exponent bits are all ones. */
  static float half(short bits) {
    int exponent = (bits >> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    float magnitude =
        exponent == 0x1f
            ? (mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN)
            : exponent == 0
                ? Math.scalb((float) mantissa, -24)
                : Math.scalb((float) (mantissa | 0x400), exponent - 25);
    return bits < 0 ? -magnitude : magnitude;
  }

  private double[] allocateDoubles(int n) {
    try {
      return new double[n];
    } catch (OutOfMemoryError e) {
      throw tooLarge(e);
    }
  }

  private float[] allocateFloats(int n) {
    try {
      return new float[n];
    } catch (OutOfMemoryError e) {
      throw tooLarge(e);
    }
  }

  private OutOfMemoryError tooLarge(OutOfMemoryError e) {
    return ModelFileErrors.parameterTooLarge(file, name, shape, bytes(), e);
  }
}

package io.puredots.analyzer.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The types of one chunk, parsed from its metadata event: every class with its fields (name,
 * type, constant-pool flag, array flag, the annotations the decoder cares about). Field layout
 * differs between JDK versions, so decoders resolve fields by name from here, never by position.
 *
 * <pre>{@code
 * metadata event: size, type id 0, start, duration, metadata id,
 *                 string count, strings..., root element
 * element:        name (string index), attribute count, (key index, value index)...,
 *                 child count, children...
 * root -> "metadata" -> "class" (id, name, superType, simpleType)
 *                          -> "field" (name, class = type id, constantPool, dimension)
 *                                -> "annotation" (class = annotation type id, value)
 *                          -> "setting", "annotation"
 * }</pre>
 *
 * <p>Immutable after {@link #read}; shared by the chunks of one run through {@link MetadataCache}.
 */
final class Metadata {
    static final String EVENT_SUPER_TYPE = "jdk.jfr.Event";
    private static final int MAX_DEPTH = 32;

    /** A class of the metadata. */
    static final class Type {
        final long id;
        final String name;
        final String superType;
        final boolean simple;
        final List<Field> fields = new ArrayList<>();
        /** One of the {@code P_*} kinds, from the type name. */
        final int prim;
        /** How to step over a value of this struct type, once first needed. */
        volatile ValueReader.Skip skip;

        Type(long id, String name, String superType, boolean simple) {
            this.id = id;
            this.name = name;
            this.superType = superType;
            this.simple = simple;
            this.prim = primOf(name);
        }

        boolean isEvent() {
            return EVENT_SUPER_TYPE.equals(superType);
        }

        Field field(String fieldName) {
            for (Field f : fields) {
                if (f.name.equals(fieldName)) {
                    return f;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return name + "#" + id;
        }
    }

    /** A field of a {@link Type}. {@link #type} is set once all classes are known. */
    static final class Field {
        final String name;
        final long typeId;
        final boolean constantPool;
        final boolean array;
        Type type;
        boolean unsigned;
        /** Value of the field's {@code @Timespan}, e.g. "TICKS" or "NANOSECONDS"; null if none. */
        String timespan;
        /** Value of the field's {@code @Timestamp}, e.g. "TICKS"; null if none. */
        String timestamp;

        Field(String name, long typeId, boolean constantPool, boolean array) {
            this.name = name;
            this.typeId = typeId;
            this.constantPool = constantPool;
            this.array = array;
        }
    }

    static final int P_STRUCT = 0;
    static final int P_LONG = 1;
    static final int P_INT = 2;
    static final int P_SHORT = 3;
    static final int P_CHAR = 4;
    static final int P_BYTE = 5;
    static final int P_BOOLEAN = 6;
    static final int P_FLOAT = 7;
    static final int P_DOUBLE = 8;
    static final int P_STRING = 9;

    static int primOf(String typeName) {
        if (typeName == null) {
            return P_STRUCT;
        }
        return switch (typeName) {
            case "long" -> P_LONG;
            case "int" -> P_INT;
            case "short" -> P_SHORT;
            case "char" -> P_CHAR;
            case "byte" -> P_BYTE;
            case "boolean" -> P_BOOLEAN;
            case "float" -> P_FLOAT;
            case "double" -> P_DOUBLE;
            case "java.lang.String" -> P_STRING;
            default -> P_STRUCT;
        };
    }

    final Map<Long, Type> types;
    final Map<String, Type> typesByName;

    private Metadata(Map<Long, Type> types) {
        this.types = types;
        this.typesByName = new HashMap<>();
        for (Type t : types.values()) {
            typesByName.putIfAbsent(t.name, t);
        }
    }

    Type type(long id) {
        return types.get(id);
    }

    /** Reads the metadata event at absolute offset {@code abs}. */
    static Metadata read(ChunkInput in, long abs, long chunkEnd) throws IOException {
        in.loadUpTo(abs, 32);
        int size = in.readInt();
        if (size <= 0 || size > chunkEnd - abs) {
            throw new CorruptChunkException(abs, "metadata event size " + size + " outside chunk");
        }
        in.load(abs, size);
        int start = in.p;
        int end = start + size;
        in.limit = end;
        in.readInt();
        long typeId = in.readLong();
        if (typeId != 0) {
            throw new CorruptChunkException(abs, "expected metadata event (type id 0), found type id " + typeId);
        }
        in.readLong(); // start
        in.readLong(); // duration
        in.readLong(); // metadata id
        int stringCount = in.readInt();
        check(stringCount, end - in.p, in, "metadata string count");
        String[] strings = new String[stringCount];
        for (int i = 0; i < stringCount; i++) {
            strings[i] = readPlainString(in);
        }
        Element root = readElement(in, strings, end, 0);
        if (in.p > end) {
            throw new CorruptChunkException(in.abs(start), "metadata event overruns its size");
        }
        List<Element> classes = classElements(root);
        Map<Long, Type> types = new HashMap<>();
        for (Element c : classes) {
            if (c.attr("name") == null) {
                throw new CorruptChunkException(in.abs(start), "metadata class without name");
            }
            Type t = new Type(parseId(c.attr("id"), in, start), c.attr("name"), c.attr("superType"),
                    "true".equals(c.attr("simpleType")));
            if (types.put(t.id, t) != null) {
                throw new CorruptChunkException(in.abs(start), "metadata class id " + t.id + " defined twice");
            }
            for (Element f : c.children) {
                if (!"field".equals(f.name)) {
                    continue;
                }
                if (f.attr("name") == null) {
                    throw new CorruptChunkException(in.abs(start), "metadata field of " + t.name + " without name");
                }
                String dim = f.attr("dimension");
                Field field = new Field(f.attr("name"), parseId(f.attr("class"), in, start),
                        "true".equals(f.attr("constantPool")), dim != null && !"0".equals(dim));
                t.fields.add(field);
            }
        }
        Metadata m = new Metadata(types);
        for (Type t : types.values()) {
            for (Field f : t.fields) {
                f.type = types.get(f.typeId);
                if (f.type == null) {
                    throw new CorruptChunkException(in.abs(start), "field " + t.name + "." + f.name
                            + " has undefined type id " + f.typeId);
                }
            }
        }
        // field annotations: walk the class elements again; fields are in element order
        for (Element c : classes) {
            Type t = types.get(parseId(c.attr("id"), in, start));
            int k = 0;
            for (Element f : c.children) {
                if (!"field".equals(f.name)) {
                    continue;
                }
                Field field = t.fields.get(k++);
                for (Element a : f.children) {
                    if (!"annotation".equals(a.name)) {
                        continue;
                    }
                    Type at = types.get(parseId(a.attr("class"), in, start));
                    if (at == null) {
                        continue;
                    }
                    switch (at.name) {
                        case "jdk.jfr.Unsigned" -> field.unsigned = true;
                        case "jdk.jfr.Timespan" -> field.timespan = a.attr("value");
                        case "jdk.jfr.Timestamp" -> field.timestamp = a.attr("value");
                        default -> {
                        }
                    }
                }
            }
        }
        return m;
    }

    /** The {@code class} elements of the {@code metadata} elements under the root, in order. */
    private static List<Element> classElements(Element root) {
        List<Element> out = new ArrayList<>();
        for (Element md : root.children) {
            if ("metadata".equals(md.name)) {
                for (Element c : md.children) {
                    if ("class".equals(c.name)) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    private static long parseId(String s, ChunkInput in, int start) {
        if (s == null) {
            throw new CorruptChunkException(in.abs(start), "metadata element without id");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new CorruptChunkException(in.abs(start), "metadata id '" + s + "' is not a number");
        }
    }

    private static void check(int count, int remaining, ChunkInput in, String what) {
        if (count < 0 || count > remaining) {
            throw new CorruptChunkException(in.pos(), what + " " + count + " exceeds the bytes left (" + remaining + ")");
        }
    }

    /**
     * A string of the metadata string table: encoded like any inline string, but never a
     * constant-pool reference (the metadata comes before any pool).
     */
    static String readPlainString(ChunkInput in) {
        int at = in.p;
        Object s = ValueReader.readStringOrRef(in, -1);
        if (s instanceof ValueReader.Ref) {
            throw new CorruptChunkException(in.abs(at), "string pool reference in the metadata string table");
        }
        return (String) s;
    }

    private static final class Element {
        final String name;
        final String[] attrs;
        final List<Element> children;

        Element(String name, String[] attrs, List<Element> children) {
            this.name = name;
            this.attrs = attrs;
            this.children = children;
        }

        String attr(String key) {
            for (int i = 0; i < attrs.length; i += 2) {
                if (key.equals(attrs[i])) {
                    return attrs[i + 1];
                }
            }
            return null;
        }
    }

    private static Element readElement(ChunkInput in, String[] strings, int end, int depth) {
        if (depth > MAX_DEPTH) {
            throw new CorruptChunkException(in.pos(), "metadata nested deeper than " + MAX_DEPTH);
        }
        String name = string(in, strings);
        int attrCount = in.readInt();
        check(attrCount, end - in.p, in, "metadata attribute count");
        String[] attrs = new String[attrCount * 2];
        for (int i = 0; i < attrs.length; i++) {
            attrs[i] = string(in, strings);
        }
        int childCount = in.readInt();
        check(childCount, end - in.p, in, "metadata child count");
        List<Element> children = new ArrayList<>(childCount);
        for (int i = 0; i < childCount; i++) {
            children.add(readElement(in, strings, end, depth + 1));
            if (in.p > end) {
                throw new CorruptChunkException(in.pos(), "metadata event overruns its size");
            }
        }
        return new Element(name, attrs, children);
    }

    private static String string(ChunkInput in, String[] strings) {
        int at = in.p;
        int i = in.readInt();
        if (i < 0 || i >= strings.length) {
            throw new CorruptChunkException(in.abs(at), "metadata string index " + i + " out of range");
        }
        return strings[i];
    }
}

package dev.strata.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonWriterTest {
    @Test
    void writesNestedValuesEscapedAndIndented() {
        final String json = new JsonWriter().beginObject()
            .name("name").value("a \"quoted\"\\path\n\u0001")
            .name("n").value(42)
            .name("ratio").value(2.34567, 3)
            .name("missing").value(Double.NaN, 1)
            .name("list").beginArray().value(true).beginObject().endObject().endArray()
            .name("empty").beginArray().endArray()
            .endObject().toString();
        assertEquals("{\n"
            + "  \"name\": \"a \\\"quoted\\\"\\\\path\\n\\u0001\",\n"
            + "  \"n\": 42,\n"
            + "  \"ratio\": 2.346,\n"
            + "  \"missing\": null,\n"
            + "  \"list\": [\n"
            + "    true,\n"
            + "    {}\n"
            + "  ],\n"
            + "  \"empty\": []\n"
            + "}\n", json);
    }
}

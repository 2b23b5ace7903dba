package dev.memprobe.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClassPatternTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "com.acme.ImportTest,          com.acme.ImportTest,               true",
        "com.acme.ImportTest,          com.acme.ImportTests,              false",
        "com.acme.*ImportTest,         com.acme.CatalogImportTest,        true",
        "com.acme.*ImportTest,         com.acme.ImportTest,               true",
        "com.acme.*ImportTest,         com.acme.sub.CatalogImportTest,    false",
        "com.acme.**ImportTest,        com.acme.sub.CatalogImportTest,    true",
        "com.acme.**,                  com.acme.sub.deep.AnyTest,         true",
        "com.acme.**,                  com.acmeish.AnyTest,               false",
        "com.*.ImportTest,             com.acme.ImportTest,               true",
        "com.*.ImportTest,             com.acme.sub.ImportTest,           false",
        "*ImportTest,                  com.acme.sub.CatalogImportTest,    true",
        "*ImportTest,                  CatalogImportTest,                 true",
        "*ImportTest,                  com.acme.ImportTestSupport,        false",
        "ImportTest,                   com.acme.ImportTest,               true",
        "ImportTest,                   com.acme.CatalogImportTest,        false",
        "**.*ImportTest,               CatalogImportTest,                 true",
        "**.*ImportTest,               com.acme.CatalogImportTest,        true",
        "**/*ImportTest.java,          com.acme.CatalogImportTest,        true",
        "com/acme/*ImportTest.class,   com.acme.CatalogImportTest,        true",
        "**,                           com.acme.AnyTest,                  true",
        "**IT,                         com.acme.sub.CheckoutIT,           true",
        "Import?Test,                  com.acme.Import2Test,              true",
        "Import?Test,                  com.acme.ImportTest,               false",
        "com.acme.Outer$*,             com.acme.Outer$InnerTest,          true",
        "com.acme.importtest,          com.acme.ImportTest,               false",
    })
    void matchesClassNamesLikeAGlob(String pattern, String className, boolean matches) {
        assertThat(ClassPattern.of(pattern).matches(className)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "  ", "com.acme.[A-Z]*Test", "com acme", "%regex[.*]"})
    void rejectsPatternsNoClassNameCouldMatch(String pattern) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClassPattern.of(pattern))
                .withMessageContaining("pattern")
                .withMessageNotContaining("\n");
    }
}

package it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class 测试Test {

    @Test
    @DisplayName("<img src=x onerror=alert(3)> & \"引号\" `代码` | 管道  空格")
    void 加法() {
        assertEquals(4, 2 + 2);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"<script>alert(5)</script> & \"q\" `t` | p", "普通"})
    void 参数(String value) {
        assertTrue(value.length() > 1);
    }
}

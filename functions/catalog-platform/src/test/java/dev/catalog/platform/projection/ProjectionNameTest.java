package dev.catalog.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProjectionNameTest {

    @Test
    void a_request_names_one_read_model_or_all_of_them() {
        assertThat(ProjectionName.named("detail")).containsExactly(ProjectionName.DETAIL);
        assertThat(ProjectionName.named("all")).containsExactly(ProjectionName.DETAIL, ProjectionName.SEARCH);
    }

    @Test
    void an_unknown_name_is_refused_naming_the_ones_there_are() {
        assertThatThrownBy(() -> ProjectionName.named("prices"))
                .hasMessage("projection must be detail, search or all, not prices");
        assertThatThrownBy(() -> ProjectionName.of("all"))
                .hasMessage("projection must be detail or search, not all");
        assertThat(ProjectionName.find(null)).isEmpty();
    }

    @Test
    void each_read_model_names_the_function_that_writes_it_live() {
        assertThat(ProjectionName.of("search").liveFunction()).isEqualTo("SearchProjectionFunction");
    }
}

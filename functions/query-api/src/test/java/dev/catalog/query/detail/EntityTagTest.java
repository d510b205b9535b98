package dev.catalog.query.detail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityTagTest {

    private final EntityTag tag = EntityTag.of("{\"id\":\"p\",\"stock\":{\"total\":3}}");

    @Test
    void is_a_quoted_strong_tag_that_changes_with_any_byte_of_the_representation() {
        assertThat(tag.value()).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(EntityTag.of("{\"id\":\"p\",\"stock\":{\"total\":3}}")).isEqualTo(tag);
        assertThat(EntityTag.of("{\"id\":\"p\",\"stock\":{\"total\":4}}")).isNotEqualTo(tag);
    }

    @Test
    void if_none_match_compares_weakly_against_every_tag_listed() {
        assertThat(tag.matchedBy(tag.value())).isTrue();
        assertThat(tag.matchedBy("W/" + tag.value())).isTrue();
        assertThat(tag.matchedBy("\"other\", " + tag.value())).isTrue();
        assertThat(tag.matchedBy("*")).isTrue();
    }

    @Test
    void if_none_match_with_other_tags_does_not_match() {
        assertThat(tag.matchedBy("\"other\"")).isFalse();
        assertThat(tag.matchedBy(tag.value().replace("\"", ""))).isFalse();
        assertThat(tag.matchedBy("")).isFalse();
    }
}

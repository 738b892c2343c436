package io.verbatim.query.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.List;

/** A person, organisation, place or other named thing, one row across all articles. */
@Entity
@Immutable
@Table(name = "entity")
public class NamedEntity extends PanacheEntityBase {

    @Id
    public Long id;
    @Column(name = "normalized_key")
    public String normalizedKey;
    public String name;
    public String type;
    @Column(name = "first_seen_at")
    public Instant firstSeenAt;

    @SuppressWarnings("unchecked")
    public static List<String> aliasesOf(long id) {
        return getEntityManager()
                .createNativeQuery("SELECT alias FROM entity_alias WHERE entity_id = ?1 ORDER BY alias")
                .setParameter(1, id).getResultList();
    }
}

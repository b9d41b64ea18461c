package dev.contacts.jpa.mapping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The table {@code contact}, mapped so that Hibernate can validate the schema
 * ({@code SchemaMode.VALIDATE}); the store reads and writes it with native SQL.
 */
@Entity
@Table(name = "contact")
@IdClass(ContactEntity.Key.class)
public class ContactEntity {
    @Id
    @Column(name = "property_id", nullable = false)
    private String propertyId;

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Column(name = "version", nullable = false)
    private Long version;

    @Column(name = "name")
    private String name;

    @Column(name = "name_fold")
    private String nameFold;

    @Column(name = "primary_email")
    private String primaryEmail;

    @Column(name = "primary_email_fold")
    private String primaryEmailFold;

    @Column(name = "primary_phone")
    private String primaryPhone;

    @Column(name = "primary_phone_fold")
    private String primaryPhoneFold;

    @Column(name = "job_title")
    private String jobTitle;

    @Column(name = "job_title_fold")
    private String jobTitleFold;

    @Column(name = "facebook_url")
    private String facebookUrl;

    @Column(name = "facebook_url_fold")
    private String facebookUrlFold;

    @Column(name = "linkedin_url")
    private String linkedinUrl;

    @Column(name = "linkedin_url_fold")
    private String linkedinUrlFold;

    @Column(name = "twitter_handle")
    private String twitterHandle;

    @Column(name = "twitter_handle_fold")
    private String twitterHandleFold;

    @Column(name = "instagram_handle")
    private String instagramHandle;

    @Column(name = "instagram_handle_fold")
    private String instagramHandleFold;

    @Column(name = "country")
    private String country;

    @Column(name = "country_fold")
    private String countryFold;

    @Column(name = "city")
    private String city;

    @Column(name = "city_fold")
    private String cityFold;

    @Column(name = "region")
    private String region;

    @Column(name = "region_fold")
    private String regionFold;

    @Column(name = "hostname")
    private String hostname;

    @Column(name = "hostname_fold")
    private String hostnameFold;

    @Column(name = "ip")
    private String ip;

    @Column(name = "ip_fold")
    private String ipFold;

    @Column(name = "os")
    private String os;

    @Column(name = "os_fold")
    private String osFold;

    @Column(name = "browser")
    private String browser;

    @Column(name = "browser_fold")
    private String browserFold;

    @Column(name = "first_web_session")
    private Instant firstWebSession;

    @Column(name = "last_web_session")
    private Instant lastWebSession;

    @Column(name = "total_web_sessions")
    private BigDecimal totalWebSessions;

    @Column(name = "pages_viewed")
    private BigDecimal pagesViewed;

    @Column(name = "time_spent")
    private BigDecimal timeSpent;

    @Column(name = "first_live_chat")
    private Instant firstLiveChat;

    @Column(name = "last_live_chat")
    private Instant lastLiveChat;

    @Column(name = "total_live_chats")
    private BigDecimal totalLiveChats;

    @Column(name = "first_ticket")
    private Instant firstTicket;

    @Column(name = "last_ticket")
    private Instant lastTicket;

    @Column(name = "total_tickets")
    private BigDecimal totalTickets;

    @Column(name = "created")
    private Instant created;

    @Column(name = "updated")
    private Instant updated;

    @Column(name = "first_seen")
    private Instant firstSeen;

    @Column(name = "last_seen")
    private Instant lastSeen;

    /** For Hibernate. */
    protected ContactEntity() {
    }

    /**
     * The primary key.
     *
     * @param propertyId propertyId
     * @param id id
     * @serial exclude (Serializable only because JPA requires it of an id class)
     */
    public record Key(String propertyId, UUID id) implements Serializable {
    }
}

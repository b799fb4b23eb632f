package com.licensingportal.passwordreset;

import java.util.Optional;

import com.licensingportal.base.LimitLocks;
import com.licensingportal.base.RateLimit;
import com.licensingportal.base.RateLimiter;
import com.licensingportal.user.InvalidLinkException;
import com.licensingportal.token.PersonalAccessTokenService;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.security.LoginLockout;
import com.licensingportal.user.LinkToken.Purpose;
import com.licensingportal.user.LinkTokens;
import com.licensingportal.user.PasswordChanged;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserStatus;
import com.licensingportal.text.Text;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgot Password?: a single-use link for an active user, and the new password set through it. Whoever asks
 * learns nothing about whether the email is a user: only the email's owner gets anything.
 */
@Service
public class PasswordResetService {

	/** What the reset page shows about the user; nothing else leaves this class. */
	public record OpenReset(String firstName, String email) {
	}

	/** The name its attempts are counted under; configured in {@link PasswordResetProperties#rateLimit()}. */
	static final String RATE_LIMIT = "password-reset";

	/** The lock under which a user's reset is started or asked again. */
	private static final String RUNNING_RESET = "password-reset-user";

	private static final Logger log = LoggerFactory.getLogger(PasswordResetService.class);

	private final UserRepository users;

	private final LinkTokens links;

	private final PasswordResetProcess process;


	private final RateLimiter rateLimiter;

	private final RateLimit rateLimit;

	private final LimitLocks locks;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	PasswordResetService(UserRepository users, LinkTokens links, PasswordResetProcess process,
			RateLimiter rateLimiter, LimitLocks locks,
			PlatformTransactionManager transactions, ApplicationEventPublisher events, PasswordResetProperties settings) {
		this.events = events;
		this.locks = locks;
		this.transaction = new TransactionTemplate(transactions);
		this.users = users;
		this.links = links;
		this.process = process;
		this.rateLimiter = rateLimiter;
		this.rateLimit = settings.rateLimit().named(RATE_LIMIT);
	}

	/**
	 * Counts the request against the rate limits; for an active user, emails a new link and kills any
	 * earlier one. For any other email nothing happens, and the caller answers the same.
	 * @throws com.licensingportal.refusal.RateLimitedException when the client address or the email asked too often
	 */
	public void request(String email, String clientAddress) {
		for (int attempt = 1;; attempt++) {
			try {
				this.transaction.executeWithoutResult(status -> requestOnce(email, clientAddress));
				return;
			}
			catch (OptimisticLockingException raced) {
				// The reset's mail job moved the process while this request correlated: the next try sees it moved.
				if (attempt == 3) {
					throw raced;
				}
				log.info("Password reset request met its process moving; trying again ({})", attempt);
			}
		}
	}

	private void requestOnce(String email, String clientAddress) {
		this.rateLimiter.attempt(this.rateLimit, clientAddress, email);
		Optional<PortalUser> user = this.users.findByEmail(PortalUser.normalizeEmail(email))
			.filter(candidate -> candidate.getStatus() == UserStatus.ACTIVE);
		if (user.isEmpty()) {
			log.info("Password reset asked for an email that is no active user");
			return;
		}
		// One running reset per user: parallel requests (on any node) start or correlate one after the other, so
		// the second finds the first's process waiting and replaces its link instead of starting another.
		this.locks.lock(RUNNING_RESET, String.valueOf(user.get().getId()), this.process.now());
		this.links.revokeAll(user.get().getId(), Purpose.PASSWORD_RESET);
		this.process.requested(user.get());
	}

	@Transactional(readOnly = true)
	public Optional<OpenReset> find(String token) {
		return userOf(token).map(user -> new OpenReset(user.getFirstName(), user.getEmail()));
	}

	/**
	 * Sets the new password, lifts a login lockout of the email, and lets the reset process end the user's
	 * other sessions and confirm the change. Of two requests with the same link only one succeeds.
	 * @param currentSessionId the session that set the password: it stays logged in if it is the user's
	 * @throws InvalidLinkException when the link is unknown, used, replaced or expired
	 */
	@Transactional
	public void reset(String token, String password, String currentSessionId) {
		PortalUser user = userOf(token).orElseThrow(() -> new InvalidLinkException(Purpose.PASSWORD_RESET));
		user.setPasswordHash(this.links.useToSetPassword(token, Purpose.PASSWORD_RESET, user, password));
		// A token made with the old password would outlive it: the tokens end (token listens), like the sessions,
		// and the failed logins are forgotten (security listens).
		this.events.publishEvent(new PasswordChanged(user.getId(), user.getEmail()));
		if (!this.process.newPasswordSet(user.getId(), currentSessionId)) {
			log.warn("User {} followed a live password reset link, but no reset process waits for them", user.getId());
			throw new InvalidLinkException(Purpose.PASSWORD_RESET);
		}
	}

	private Optional<PortalUser> userOf(String token) {
		return this.links.userOfLiveLink(token, Purpose.PASSWORD_RESET)
			.flatMap(this.users::findById)
			.filter(user -> user.getStatus() == UserStatus.ACTIVE);
	}

	/** A link that is unknown, used, replaced or expired: all get the same answer. */
	private static RefusedException noLongerValid() {
		return RefusedException.gone(Text.of("users.link.reset.invalid"));
	}

}

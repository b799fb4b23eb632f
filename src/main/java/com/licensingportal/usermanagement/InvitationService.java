package com.licensingportal.usermanagement;

import java.util.List;
import java.util.Optional;

import com.licensingportal.refusal.RefusedException;
import com.licensingportal.user.InvalidLinkException;
import com.licensingportal.user.LinkToken.Purpose;
import com.licensingportal.user.LinkTokens;
import com.licensingportal.user.PasswordRules;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserStatus;
import com.licensingportal.text.Text;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The links of open invitations ({@link LinkTokens}, issued by the process), followed by the invited user. */
@Service
public class InvitationService {

	/** What the invitation page shows about the invited user; nothing else leaves this class. */
	public record OpenInvitation(String firstName, String lastName, String email, List<String> accountNames) {
	}

	private static final Logger log = LoggerFactory.getLogger(InvitationService.class);

	private final LinkTokens links;

	private final UserRepository users;

	private final InvitationProcess process;

	InvitationService(LinkTokens links, UserRepository users, InvitationProcess process) {
		this.links = links;
		this.users = users;
		this.process = process;
	}

	@Transactional(readOnly = true)
	public Optional<OpenInvitation> find(String token) {
		return invitedUserOf(token).map(user -> new OpenInvitation(user.getFirstName(), user.getLastName(),
				user.getEmail(),
				user.getMemberships().stream().map(membership -> membership.getAccount().getName()).sorted().toList()));
	}

	/**
	 * Sets the password, activates the user and lets the invitation process finish; every link of the user
	 * dies. Of two requests with the same link only one succeeds.
	 * @throws InvalidLinkException when the link is unknown, used, replaced or expired
	 */
	@Transactional
	public void accept(String token, String password) {
		PortalUser user = invitedUserOf(token).orElseThrow(() -> new InvalidLinkException(Purpose.INVITATION));
		user.activate(this.links.useToSetPassword(token, Purpose.INVITATION, user, password));
		if (!this.process.accepted(user.getId())) {
			log.warn("User {} followed a live invitation link, but no invitation process waits for them", user.getId());
			throw new InvalidLinkException(Purpose.INVITATION);
		}
	}

	private Optional<PortalUser> invitedUserOf(String token) {
		return this.links.userOfLiveLink(token, Purpose.INVITATION)
			.flatMap(this.users::findWithMembershipsById)
			.filter(user -> user.getStatus() == UserStatus.INVITED);
	}

	/** A link that is unknown, used, replaced or expired: all get the same answer. */
	private static RefusedException noLongerValid() {
		return RefusedException.gone(Text.of("users.link.invitation.invalid"));
	}

}

package com.licensingportal.salesorder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.licensingportal.account.Account;
import com.licensingportal.text.Languages;
import com.licensingportal.text.Text;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.license.EntitlementCsv;
import com.licensingportal.license.EntitlementRow;
import com.licensingportal.license.LicenseEvent;
import com.licensingportal.license.LicenseEventRepository;
import com.licensingportal.license.LicenseEventType;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.LineItemLocks;
import com.licensingportal.license.LineItemRepository;
import com.licensingportal.license.ProductRepository;
import com.licensingportal.license.SalesOrderService;
import com.licensingportal.license.SalesOrderService.Entered;
import com.licensingportal.license.SalesOrderService.OrderLine;
import com.licensingportal.usermanagement.UserDirectory;
import com.licensingportal.refusal.DecisionRefusedException;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.refusal.RefusedException.FieldError;
import com.licensingportal.text.Text;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sales orders from the order system: taken in once per order number, entered by the SalesOrderIntake
 * process (one entitlement, one line item per new license, renewals), assigned by Order Management when the
 * customer number is unknown, and cancelled line by line. Each step is one transaction.
 */
@Service
public class SalesOrderIntakeService {

	/** What the intake answered: a new order (202) or the same order again (200). */
	public record Receipt(boolean created, SalesOrderView order) {
	}

	/** A cancelled line: how many channels it removed, and how many the license keeps. */
	public record Cancellation(String orderNumber, int lineNumber, String activationId, int cancelledChannels,
			int remainingChannels) {
	}

	/** The entitlement email's recipients and content, read from the portal's tables. */
	public record EntitlementMail(List<String> recipients, boolean toContact, Map<String, Object> model, byte[] csv) {
	}

	private static final Logger log = LoggerFactory.getLogger(SalesOrderIntakeService.class);

	private final SalesOrderRepository orders;

	private final ProductRepository products;

	private final LineItemRepository lineItems;

	private final AccountRepository accounts;

	private final SalesOrderService licenses;

	private final LicenseEventRepository events;

	private final UserDirectory users;

	private final SalesOrderIntakeProcess process;

	private final LineItemLocks lineItemLocks;

	private final TransactionTemplate transaction;

	SalesOrderIntakeService(SalesOrderRepository orders, ProductRepository products, LineItemRepository lineItems,
			AccountRepository accounts, SalesOrderService licenses, LicenseEventRepository events, UserDirectory users,
			SalesOrderIntakeProcess process, LineItemLocks lineItemLocks, TransactionTemplate transaction) {
		this.orders = orders;
		this.products = products;
		this.lineItems = lineItems;
		this.accounts = accounts;
		this.licenses = licenses;
		this.events = events;
		this.users = users;
		this.process = process;
		this.lineItemLocks = lineItemLocks;
		this.transaction = transaction;
	}

	/**
	 * Takes the order in and starts its process, or answers the order already taken in under its number. Two
	 * requests with the same number at once: the database's unique order number lets one in, the other reads it.
	 * @throws RefusedException (409) when the number is taken by an order with other content
	 * @throws RefusedException (INVALID) (422) naming every line the catalogue refuses
	 */
	public Receipt receive(SalesOrderRequest request, String receivedBy) {
		try {
			return this.transaction.execute(status -> existing(request).orElseGet(() -> create(request, receivedBy)));
		}
		catch (DataIntegrityViolationException | PessimisticLockingFailureException sameNumberAtOnce) {
			return this.transaction.execute(status -> existing(request).orElseThrow(() -> sameNumberAtOnce));
		}
	}

	private Optional<Receipt> existing(SalesOrderRequest request) {
		return this.orders.findByOrderNumber(request.orderNumber()).map(order -> {
			List<String> differences = request.differencesFrom(order.asRequest());
			if (!differences.isEmpty()) {
				throw RefusedException.conflict(Text.of("backoffice.order.otherContent", order.getOrderNumber(),
						String.join(", ", differences)));
			}
			return new Receipt(false, SalesOrderView.of(order));
		});
	}

	private Receipt create(SalesOrderRequest request, String receivedBy) {
		SalesOrder order = new SalesOrder(request, receivedBy);
		List<FieldError> problems = new ArrayList<>();
		for (OrderLineCheck.CheckedLine line : lineCheck().check(request, problems)) {
			order.addLine(line.line().lineNumber(), line.product(), line.line().version(), line.line().quantity(),
					line.renews());
		}
		if (!problems.isEmpty()) {
			throw RefusedException.invalid(problems);
		}
		this.orders.saveAndFlush(order);
		this.process.start(order.getOrderNumber());
		log.info("Received sales order {} for customer number {} from {}", order.getOrderNumber(),
				order.getCustomerNumber(), receivedBy);
		return new Receipt(true, SalesOrderView.of(order));
	}

	/** A check of orders' lines against the catalogue, for callers that check many orders in one transaction. */
	public OrderLineCheck lineCheck() {
		return new OrderLineCheck(this.products, this.lineItems);
	}

	/**
	 * The fields in which the order already received under the request's number differs from it; empty when it
	 * is the same order, and no value when no order has the number. The sold-to name is not compared: the back
	 * office's import takes it from the account, which may have been renamed since.
	 */
	@Transactional(readOnly = true)
	public Optional<List<String>> differencesFromReceived(SalesOrderRequest request) {
		return this.orders.findByOrderNumber(request.orderNumber()).map(order -> {
			SalesOrderRequest received = order.asRequest();
			SalesOrderRequest sameName = new SalesOrderRequest(request.orderNumber(), request.orderDate(),
					new SalesOrderRequest.SoldTo(request.soldTo().customerNumber(), received.soldTo().name(),
							request.soldTo().type(), request.soldTo().partnerCustomerNumber()),
					request.contact(), request.lines());
			return sameName.differencesFrom(received);
		});
	}

	/**
	 * Reads the order in a read-only transaction, for the back office's page of it.
	 * @throws SalesOrderRefusedException (not found) when no order has the number
	 */
	@Transactional(readOnly = true)
	public <T> T read(String orderNumber, java.util.function.Function<SalesOrder, T> reader) {
		return reader.apply(find(orderNumber));
	}

	@Transactional(readOnly = true)
	public SalesOrderView view(String orderNumber) {
		return SalesOrderView.of(find(orderNumber));
	}

	/**
	 * The process's first step: the account with the order's customer number becomes the sold-to account;
	 * without one the order waits for Order Management.
	 * @return whether the account is known
	 */
	@Transactional
	public boolean findSoldToAccount(String orderNumber) {
		SalesOrder order = lock(orderNumber);
		if (!order.isOpen()) {
			return order.getAccount() != null;
		}
		Optional<Account> account = this.accounts.findByCustomerNumber(order.getCustomerNumber());
		account.ifPresentOrElse(order::assignTo, order::waitForAccount);
		return account.isPresent();
	}

	@Transactional(readOnly = true)
	public boolean hasAccount(String orderNumber) {
		return find(orderNumber).getAccount() != null;
	}

	@Transactional(readOnly = true)
	public boolean isRejected(String orderNumber) {
		return find(orderNumber).getState() == SalesOrderState.REJECTED;
	}

	/**
	 * Enters the order, all of it or nothing: one entitlement for the sold-to account, a line item per new
	 * license (CREATED), each renewal moved on by the renewal's term (RENEWED). Entering twice enters once.
	 */
	@Transactional
	public void enter(String orderNumber, String actor) {
		SalesOrder order = lock(orderNumber);
		if (order.getState() == SalesOrderState.ENTERED) {
			return;
		}
		List<SalesOrderLine> newLicenses = order.getLines().stream().filter(line -> !line.isRenewal()).toList();
		Entered entered = this.licenses.enterOrder(order.getAccount(),
				newLicenses.stream()
					.map(line -> new OrderLine(line.getProduct(), line.getVersion(), line.getQuantity(),
							line.getProduct().expirationFrom(order.getOrderDate())))
					.toList(),
				actor);
		for (int i = 0; i < newLicenses.size(); i++) {
			newLicenses.get(i).enteredAs(entered.lineItems().get(i));
		}
		List<SalesOrderLine> renewals = order.getLines().stream().filter(SalesOrderLine::isRenewal).toList();
		this.lineItemLocks.lock(renewals.stream().map(SalesOrderLine::getRenews).toArray(LineItem[]::new));
		for (SalesOrderLine renewal : renewals) {
			LineItem item = renewal.getRenews();
			LocalDate before = item.getExpiresOn();
			LocalDate after = item.renew(renewal.getProduct().getTermMonths(), order.getOrderDate());
			this.events.save(new LicenseEvent(item.getId(), LicenseEventType.RENEWED, renewal.getQuantity(), actor)
				.withReference(order.getOrderNumber())
				.withNote(renewal.getProduct().getPartNumber() + ": expiration " + before + " → " + after));
		}
		order.entered(entered.entitlement());
		log.info("Entered sales order {} as {}", orderNumber, entered.entitlement().getEntitlementId());
	}

	/**
	 * Carries out Order Management's decision on an order whose customer number no account has.
	 * @throws DecisionRefusedException when it cannot be carried out; nothing changed
	 */
	@Transactional
	public void decide(String orderNumber, AssignmentDecision decision) {
		SalesOrder order = lock(orderNumber);
		if (order.getState() != SalesOrderState.WAITING_FOR_ACCOUNT) {
			throw new DecisionRefusedException(Text.of("backoffice.decision.notWaiting", orderNumber,
					state(order.getState())));
		}
		switch (decision.decision() == null ? "" : decision.decision()) {
			case AssignmentDecision.CREATE -> order.assignTo(createAccount(order));
			case AssignmentDecision.EXISTING -> order.assignTo(existingAccount(order, decision));
			case AssignmentDecision.REJECT -> {
				if (decision.rejectionReason() == null) {
					throw new DecisionRefusedException(Text.of("backoffice.decision.reasonRequired"));
				}
				if (decision.rejectionReason().length() > 2000) {
					throw new DecisionRefusedException(Text.of("backoffice.decision.reasonTooLong", 2000));
				}
				order.reject(decision.rejectionReason());
			}
			default -> throw new DecisionRefusedException(Text.of("backoffice.decision.choose"));
		}
	}

	private Account createAccount(SalesOrder order) {
		this.accounts.findByCustomerNumber(order.getCustomerNumber()).ifPresent(other -> {
			throw new DecisionRefusedException(Text.of("backoffice.decision.numberTaken", other.getAccountNumber(),
					other.getName(), order.getCustomerNumber()));
		});
		Account partner = null;
		if (order.getSoldToType() == AccountType.CUSTOMER && order.getPartnerCustomerNumber() != null) {
			partner = this.accounts.findByCustomerNumber(order.getPartnerCustomerNumber())
				.filter(Account::isPartner)
				.orElseThrow(() -> new DecisionRefusedException(Text.of("backoffice.decision.noPartner",
						order.getPartnerCustomerNumber())));
		}
		Account account = new Account(order.getSoldToName(), order.getSoldToType());
		account.setCustomerNumber(order.getCustomerNumber());
		this.accounts.save(account);
		if (partner != null) {
			partner.addRelatedCustomer(account);
		}
		return account;
	}

	private Account existingAccount(SalesOrder order, AssignmentDecision decision) {
		if (decision.existingAccountNumber() == null) {
			throw new DecisionRefusedException(Text.of("backoffice.decision.accountNumberRequired"));
		}
		Account account = this.accounts.findByAccountNumber(decision.normalizedAccountNumber())
			.orElseThrow(() -> new DecisionRefusedException(
					Text.of("backoffice.decision.noAccount", decision.existingAccountNumber())));
		if (account.getType() != order.getSoldToType()) {
			throw new DecisionRefusedException(Text.of("backoffice.decision.otherType", account.getAccountNumber(),
					account.getType().name(), order.getSoldToType().name()));
		}
		if (account.getCustomerNumber() != null && !account.getCustomerNumber().equals(order.getCustomerNumber())) {
			throw new DecisionRefusedException(Text.of("backoffice.decision.hasNumber", account.getAccountNumber(),
					account.getCustomerNumber()));
		}
		account.setCustomerNumber(order.getCustomerNumber());
		return account;
	}

	/**
	 * A credit note for one line: removes the channels of its line item that are still available. Channels on
	 * devices, reserved for a transfer or transferred away stay; a line item that was transferred away whole
	 * keeps all of them.
	 */
	@Transactional
	public Cancellation cancelLine(String orderNumber, int lineNumber, String actor) {
		SalesOrder order = find(orderNumber);
		SalesOrderLine line = order.getLines()
			.stream()
			.filter(l -> l.getLineNumber() == lineNumber)
			.findFirst()
			.orElseThrow(() -> RefusedException.notFound(Text.of("backoffice.order.noLine", orderNumber, lineNumber)));
		if (order.getState() != SalesOrderState.ENTERED) {
			throw RefusedException.conflict(Text.of("backoffice.order.cancel.notEntered", orderNumber,
					state(order.getState())));
		}
		if (line.isRenewal()) {
			throw RefusedException.conflict(Text.of("backoffice.order.cancel.renewal", lineNumber));
		}
		LineItem item = line.getLineItem();
		// Under the row lock that activations and transfers take, with the counts as they are now.
		this.lineItemLocks.lock(item);
		int removed = item.getOwner().getId().equals(order.getAccount().getId()) ? item.cancelAvailableChannels() : 0;
		if (removed > 0) {
			this.events.save(new LicenseEvent(item.getId(), LicenseEventType.CANCELLED, removed, actor)
				.withReference(orderNumber)
				.withNote(Text.of("backoffice.order.cancel.note", lineNumber, orderNumber).toString()));
		}
		log.info("Cancelled line {} of sales order {}: {} channels of {} removed", lineNumber, orderNumber, removed,
				item.getActivationId());
		return new Cancellation(orderNumber, lineNumber, item.getActivationId(), removed, item.getTotalQuantity());
	}

	/** What the Tasklist form shows of the order: task-local, so that the form's submission cannot change them. */
	@Transactional(readOnly = true)
	public Map<String, Object> taskTexts(String orderNumber) {
		SalesOrder order = find(orderNumber);
		Map<String, Object> texts = new LinkedHashMap<>();
		texts.put("orderDate", order.getOrderDate().toString());
		texts.put("soldToName", order.getSoldToName());
		texts.put("soldToCustomerNumber", order.getCustomerNumber());
		// Tasklist is Order Management's English tool.
		Locale tasklist = Languages.ENGLISH;
		texts.put("soldToType", Text.of("mail.tasklist.salesOrder.soldToType", order.getSoldToType().name()).in(tasklist));
		texts.put("partnerCustomerNumber", Optional.ofNullable(order.getPartnerCustomerNumber())
			.map(number -> this.accounts.findByCustomerNumber(number)
				.map(partner -> Text.of("mail.tasklist.salesOrder.partner", number, partner.getName(),
						partner.getAccountNumber()))
				.orElse(Text.of("mail.tasklist.salesOrder.noPartner", number))
				.in(tasklist))
			.orElse("—"));
		String contactName = (Optional.ofNullable(order.getContactFirstName()).orElse("") + " "
				+ Optional.ofNullable(order.getContactLastName()).orElse("")).strip();
		texts.put("contact", contactName.isEmpty() ? order.getContactEmail() : contactName + " <" + order.getContactEmail() + ">");
		texts.put("orderLines", order.getLines()
			.stream()
			.map(line -> Text.of(line.isRenewal() ? "mail.tasklist.salesOrder.renewal" : "mail.tasklist.salesOrder.line",
					String.valueOf(line.getLineNumber()), line.getQuantity(), line.getProduct().getPartNumber(),
					line.getProduct().getName(), line.isRenewal() ? line.getRenews().getActivationId() : line.getVersion())
				.in(tasklist))
			.collect(Collectors.joining("\n")));
		return texts;
	}

	/**
	 * The entitlement email: to the account's active administrators, or to the order's contact (with a link to
	 * Request access) when it has none; the licenses listed and attached as List Entitlements' CSV.
	 */
	@Transactional(readOnly = true)
	public EntitlementMail entitlementMail(String orderNumber) {
		SalesOrder order = find(orderNumber);
		if (order.getState() != SalesOrderState.ENTERED) {
			throw new IllegalStateException("Sales order " + orderNumber + " is " + order.getState() + ", not entered");
		}
		List<String> administrators = this.users.administratorEmails(order.getAccount().getId());
		boolean toContact = administrators.isEmpty();
		String entitlementId = order.getEntitlement().getEntitlementId();
		List<EntitlementRow> rows = order.getLines().stream().map(line -> row(line.getLineItem())).toList();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("orderNumber", orderNumber);
		model.put("entitlementId", entitlementId);
		model.put("accountName", order.getAccount().getName());
		model.put("licenses", rows);
		model.put("toContact", toContact);
		model.put("contactName", Optional.ofNullable(order.getContactFirstName()).orElse(""));
		ByteArrayOutputStream csv = new ByteArrayOutputStream();
		try (EntitlementCsv writer = new EntitlementCsv(csv)) {
			rows.forEach(writer::write);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new EntitlementMail(toContact ? List.of(order.getContactEmail()) : administrators, toContact, model,
				csv.toByteArray());
	}

	private static EntitlementRow row(LineItem item) {
		return new EntitlementRow(item.getId(), item.getActivationId(), item.getEntitlement().getEntitlementId(),
				item.getSoldTo().getName(), item.getProduct().getPartNumber(), item.getProductVersion(),
				item.getAvailableQuantity(), item.getTotalQuantity(), item.getExpiresOn(),
				item.getOwner().getAccountNumber(), item.getOwner().getName());
	}

	private SalesOrder find(String orderNumber) {
		return this.orders.findByOrderNumber(orderNumber)
			.orElseThrow(() -> RefusedException.notFound(Text.of("backoffice.order.notFound", orderNumber)));
	}

	private SalesOrder lock(String orderNumber) {
		return this.orders.lockByOrderNumber(orderNumber)
			.orElseThrow(() -> new IllegalStateException("Sales order " + orderNumber + " is not in the portal"));
	}

	/** The state's name in the reader's language. */
	private static Text state(SalesOrderState state) {
		String code = "backoffice.order.state." + state.name();
		return Text.of(code);
	}

}

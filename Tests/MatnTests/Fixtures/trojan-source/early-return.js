function isAdmin(user) {
  // Check the role ⁧return true;⁩‮ and nothing else
  return user.role === "admin";
}

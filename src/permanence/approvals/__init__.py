"""Approval checklists: the prerequisites the policies set before an approval."""
